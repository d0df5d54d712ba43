import type { Db } from "../../infra/db/prisma";
import { DomainError } from "../errors";
import { hashToken, newToken } from "./tokens";

export const COUNTER_COOKIE = "ts_counter";
export const COUNTER_COOKIE_DAYS = 400;

/**
 * The owner, signed in on the shared tablet, enrols it as the restaurant's counter: the tablet's cookie carries a
 * random token. Staff PINs work only on an enrolled device, so a PIN overheard is worth nothing away from the counter.
 */
export async function enrolCounterDevice(db: Db, restaurantId: string, name: string) {
  const { token, tokenHash } = newToken();
  const device = await db.counterDevice.create({ data: { restaurantId, name, tokenHash }, select: { id: true, name: true } });
  return { device, token };
}

/** The enrolled device this cookie names, with its restaurant; null when unknown or revoked. */
export async function findCounterDevice(db: Db, token: string | undefined) {
  if (!token || token.length > 100) return null;
  const device = await db.counterDevice.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, name: true, revokedAt: true, restaurant: { select: { id: true, name: true, ownerId: true } } },
  });
  if (!device || device.revokedAt) return null;
  return { id: device.id, name: device.name, restaurant: device.restaurant };
}
export type CounterDevice = NonNullable<Awaited<ReturnType<typeof findCounterDevice>>>;

/** Revokes a device at once: its staff sessions end with it. */
export async function revokeCounterDevice(db: Db, ownerId: string, deviceId: string, now = new Date()) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.counterDevice.updateMany({ where: { id: deviceId, restaurant: { ownerId } }, data: { revokedAt: now } });
    if (count === 0) throw new DomainError("NOT_FOUND", "no such counter device");
    await tx.staffSession.deleteMany({ where: { deviceId } });
  });
  return { revoked: true };
}
