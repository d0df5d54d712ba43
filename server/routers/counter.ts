import { z } from "zod";
import { acceptInviteInput, couponCodeInput, idSchema, pinSchema, staffInviteCodeSchema } from "@/lib/schemas";
import { redeemCoupon } from "../domain/coupons/redeem";
import { COUNTER_COOKIE, findCounterDevice } from "../domain/staff/devices";
import { acceptInvite, readInvite } from "../domain/staff/invites";
import { endStaffSession, findStaffSession, listSignInNames, signInStaff, STAFF_COOKIE, STAFF_SESSION_HOURS } from "../domain/staff/staffSessions";
import { counterDeviceProcedure, staffProcedure } from "../trpc/counterProcedures";
import { setCookie } from "../trpc/cookies";
import { publicProcedure, rateLimit, router } from "../trpc/init";

// A PIN has few digits: only a few tries per staff member per device, and per device, make guessing pointless.
const pinTries = [
  rateLimit("staffPinsPerStaff", (ctx, input) => `${(ctx as { device?: { id: string } }).device?.id}:${(input as { staffId?: string }).staffId}`),
  rateLimit("staffPinsPerDevice", (ctx) => (ctx as { device?: { id: string } }).device?.id ?? ""),
] as const;

/** The counter tablet's side (docs/adr/0027): accept an invite, sign in with a PIN, redeem, sign out. */
export const counterRouter = router({
  /** What this device is: an enrolled counter (with the names to sign in as, and who is signed in), or nothing. */
  device: publicProcedure.query(async ({ ctx }) => {
    const { db } = ctx.services;
    const device = await findCounterDevice(db, ctx.cookies[COUNTER_COOKIE]);
    if (!device) return null;
    const [names, staff] = await Promise.all([listSignInNames(db, device), findStaffSession(db, device, ctx.cookies[STAFF_COOKIE])]);
    return { name: device.name, restaurantName: device.restaurant.name, names, staff };
  }),

  readInvite: publicProcedure
    .input(z.object({ code: staffInviteCodeSchema }))
    .use(rateLimit("signInsPerIp", (ctx) => ctx.ip))
    .query(({ ctx, input }) => readInvite(ctx.services.db, input.code)),

  /** The invited staff member chooses their PIN; the invite is then used up. */
  acceptInvite: publicProcedure
    .input(acceptInviteInput)
    .use(rateLimit("signInsPerIp", (ctx) => ctx.ip))
    .mutation(({ ctx, input }) => acceptInvite(ctx.services.db, input.code, input.pin)),

  signIn: counterDeviceProcedure
    .input(z.object({ staffId: idSchema, pin: pinSchema }))
    .use(pinTries[0])
    .use(pinTries[1])
    .mutation(async ({ ctx, input }) => {
      const { token, staff } = await signInStaff(ctx.services.db, ctx.device, input.staffId, input.pin);
      setCookie(ctx, STAFF_COOKIE, token, { maxAge: STAFF_SESSION_HOURS * 3600 });
      return staff;
    }),

  signOut: publicProcedure.mutation(async ({ ctx }) => {
    await endStaffSession(ctx.services.db, ctx.cookies[STAFF_COOKIE]);
    setCookie(ctx, STAFF_COOKIE, "", { maxAge: 0 });
    return { signedOut: true };
  }),

  /** Redeems a coupon of this device's restaurant; the audit trail names the staff member and the device. */
  redeem: staffProcedure
    .input(couponCodeInput)
    .use(rateLimit("couponChecksPerOwner", (ctx) => `counter:${(ctx as { device?: { id: string } }).device?.id}`))
    .mutation(({ ctx, input }) =>
      redeemCoupon(
        ctx.services.db,
        {
          ownerId: ctx.device.restaurant.ownerId,
          restaurantId: ctx.device.restaurant.id,
          device: `counter:${ctx.device.id}`,
          staffId: ctx.staff.id,
          counterDeviceId: ctx.device.id,
        },
        input.code,
      ),
    ),
});
