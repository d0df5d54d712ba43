import { TRPCError } from "@trpc/server";
import { COUNTER_COOKIE, findCounterDevice } from "../domain/staff/devices";
import { findStaffSession, STAFF_COOKIE } from "../domain/staff/staffSessions";
import { publicProcedure } from "./init";

/*
 * The counter's procedure kinds (docs/adr/0027). A counter-device procedure runs only on a tablet the owner
 * enrolled; a staff procedure also needs a staff member signed in with their PIN on that same tablet. Both are read
 * from the database on every call, so revoking a device or a staff member takes effect at the next tap.
 */
export const counterDeviceProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const device = await findCounterDevice(ctx.services.db, ctx.cookies[COUNTER_COOKIE]);
  if (!device) throw new TRPCError({ code: "UNAUTHORIZED", message: "this device is not an enrolled counter: the owner enrols it on the Staff page" });
  return next({ ctx: { device } });
});

export const staffProcedure = counterDeviceProcedure.use(async ({ ctx, next }) => {
  const staff = await findStaffSession(ctx.services.db, ctx.device, ctx.cookies[STAFF_COOKIE]);
  if (!staff) throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in with your PIN first" });
  return next({ ctx: { staff } });
});
