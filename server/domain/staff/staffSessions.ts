import type { Db } from "../../infra/db/prisma";
import { DomainError } from "../errors";
import type { CounterDevice } from "./devices";
import { verifyPin } from "./pins";
import { hashToken, newToken } from "./tokens";

export const STAFF_COOKIE = "ts_staff";
/** A shift: the staff member signs in again after this. */
export const STAFF_SESSION_HOURS = 12;

/** Signs a staff member in on an enrolled counter device with their PIN. Wrong PIN and unknown staff read the same. */
export async function signInStaff(db: Db, device: CounterDevice, staffId: string, pin: string, now = new Date()) {
  const staff = await db.staffMember.findFirst({
    where: { id: staffId, restaurantId: device.restaurant.id, revokedAt: null },
    select: { id: true, name: true, pinHash: true },
  });
  const valid = await verifyPin(staff?.pinHash ?? null, pin);
  if (!staff || !staff.pinHash || !valid) throw new DomainError("UNAUTHORIZED", "wrong PIN");
  const { token, tokenHash } = newToken();
  await db.staffSession.create({
    data: { tokenHash, staffId: staff.id, deviceId: device.id, expiresAt: new Date(now.getTime() + STAFF_SESSION_HOURS * 3_600_000) },
  });
  return { token, staff: { id: staff.id, name: staff.name } };
}

/**
 * The staff member signed in on this device, read on every request: a revoked staff member or device, or a
 * session from another device, is nobody at once.
 */
export async function findStaffSession(db: Db, device: CounterDevice, token: string | undefined, now = new Date()) {
  if (!token || token.length > 100) return null;
  const session = await db.staffSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { deviceId: true, expiresAt: true, staff: { select: { id: true, name: true, revokedAt: true } } },
  });
  if (!session || session.deviceId !== device.id || session.expiresAt <= now || session.staff.revokedAt) return null;
  return { id: session.staff.id, name: session.staff.name };
}
export type SignedInStaff = NonNullable<Awaited<ReturnType<typeof findStaffSession>>>;

export async function endStaffSession(db: Db, token: string | undefined) {
  if (token) await db.staffSession.deleteMany({ where: { tokenHash: hashToken(token) } });
}

/** The names a counter device offers at sign-in: its restaurant's staff who have a PIN and are not revoked. */
export async function listSignInNames(db: Db, device: CounterDevice) {
  return db.staffMember.findMany({
    where: { restaurantId: device.restaurant.id, revokedAt: null, pinHash: { not: null } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** Revokes a staff member at once: every session of theirs ends, and no PIN of theirs works again. */
export async function revokeStaff(db: Db, ownerId: string, staffId: string, now = new Date()) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.staffMember.updateMany({ where: { id: staffId, restaurant: { ownerId } }, data: { revokedAt: now, inviteHash: null } });
    if (count === 0) throw new DomainError("NOT_FOUND", "no such staff member");
    await tx.staffSession.deleteMany({ where: { staffId } });
  });
  return { revoked: true };
}
