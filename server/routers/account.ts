import { changeEmailInput, changePasswordInput, restaurantSettingsInput } from "@/lib/schemas";
import { SESSION_COOKIE } from "../domain/owners/sessions";
import { changeEmail, changePassword, signOutEverywhere, updateRestaurantSettings } from "../domain/owners/settings";
import { setCookie } from "../trpc/cookies";
import { ownerProcedure, rateLimit, router } from "../trpc/init";

// A stolen session must not become a way to guess the password: checks of it count as sign-ins of the account.
const passwordChecks = rateLimit("signInsPerAccount", (ctx) => ctx.owner!.id);

/** The signed-in owner's account and restaurant settings. */
export const accountRouter = router({
  changeEmail: ownerProcedure.input(changeEmailInput).use(passwordChecks).mutation(({ ctx, input }) => changeEmail(ctx.services.db, ctx.owner.id, input)),

  changePassword: ownerProcedure
    .input(changePasswordInput)
    .use(passwordChecks)
    .mutation(({ ctx, input }) => changePassword(ctx.services.db, ctx.owner.id, ctx.cookies[SESSION_COOKIE], input)),

  signOutEverywhere: ownerProcedure.mutation(async ({ ctx }) => {
    const ended = await signOutEverywhere(ctx.services.db, ctx.owner.id);
    setCookie(ctx, SESSION_COOKIE, "", { maxAge: 0 });
    return ended;
  }),

  updateRestaurant: ownerProcedure
    .input(restaurantSettingsInput)
    .mutation(({ ctx, input }) => updateRestaurantSettings(ctx.services.db, ctx.owner.id, input)),
});
