import { z } from "zod";
import { enrolCounterInput, idSchema, inviteStaffInput, restaurantRefInput } from "@/lib/schemas";
import { resolveOwnedRestaurant } from "../domain/owners/restaurants";
import { COUNTER_COOKIE, COUNTER_COOKIE_DAYS, enrolCounterDevice, revokeCounterDevice } from "../domain/staff/devices";
import { inviteStaff } from "../domain/staff/invites";
import { readCounterRoster } from "../domain/staff/roster";
import { revokeStaff } from "../domain/staff/staffSessions";
import { setCookie } from "../trpc/cookies";
import { ownerProcedure, router } from "../trpc/init";

/** The owner's side of staff at the counter (docs/adr/0027): invite, enrol a tablet, revoke, and the audit trail. */
export const staffRouter = router({
  invite: ownerProcedure.input(inviteStaffInput).mutation(async ({ ctx, input }) => {
    const restaurant = await resolveOwnedRestaurant(ctx.services.db, ctx.owner.id, input.restaurantId);
    return inviteStaff(ctx.services.db, restaurant.id, input.name);
  }),

  /** Staff, enrolled devices and the latest redemptions, each with who redeemed it on which device. */
  roster: ownerProcedure.input(restaurantRefInput).query(async ({ ctx, input }) => {
    const restaurant = await resolveOwnedRestaurant(ctx.services.db, ctx.owner.id, input?.restaurantId);
    return readCounterRoster(ctx.services.db, restaurant.id);
  }),

  /** Makes the device the owner is signed in on a counter tablet of the restaurant (its cookie holds the token). */
  enrolThisDevice: ownerProcedure.input(enrolCounterInput).mutation(async ({ ctx, input }) => {
    const restaurant = await resolveOwnedRestaurant(ctx.services.db, ctx.owner.id, input.restaurantId);
    const { device, token } = await enrolCounterDevice(ctx.services.db, restaurant.id, input.name);
    setCookie(ctx, COUNTER_COOKIE, token, { maxAge: COUNTER_COOKIE_DAYS * 24 * 3600 });
    return device;
  }),

  revokeStaff: ownerProcedure.input(z.object({ staffId: idSchema })).mutation(({ ctx, input }) => revokeStaff(ctx.services.db, ctx.owner.id, input.staffId)),
  revokeDevice: ownerProcedure.input(z.object({ deviceId: idSchema })).mutation(({ ctx, input }) => revokeCounterDevice(ctx.services.db, ctx.owner.id, input.deviceId)),
});
