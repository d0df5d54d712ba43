import type { Db } from "../../infra/db/prisma";
import { DomainError } from "../errors";
import { hashPin } from "./pins";
import { hashToken, newToken } from "./tokens";

const INVITE_DAYS = 7;

/**
 * The owner invites a staff member by name: a link (or its code) that works once, for a week. The staff member
 * opens it on their own phone and chooses a PIN; from then on they sign in with it on the restaurant's counter
 * tablet, and nowhere else.
 */
export async function inviteStaff(db: Db, restaurantId: string, name: string, now = new Date()) {
  const { token, tokenHash } = newToken(15);
  const staff = await db.staffMember.create({
    data: { restaurantId, name, inviteHash: tokenHash, inviteExpiresAt: new Date(now.getTime() + INVITE_DAYS * 86_400_000) },
    select: { id: true, name: true },
  });
  return { ...staff, code: token, path: `/staff/join?code=${token}` };
}

/** What the invite page shows before the PIN is chosen. */
export async function readInvite(db: Db, code: string, now = new Date()) {
  const staff = await openInvite(db, code, now);
  return { name: staff.name, restaurantName: staff.restaurant.name };
}

/** Sets the staff member's PIN with the invite, which is then used up. */
export async function acceptInvite(db: Db, code: string, pin: string, now = new Date()) {
  const staff = await openInvite(db, code, now);
  const { count } = await db.staffMember.updateMany({
    where: { id: staff.id, inviteHash: hashToken(code), revokedAt: null },
    data: { pinHash: await hashPin(pin), inviteHash: null, inviteExpiresAt: null },
  });
  if (count === 0) throw new DomainError("NOT_FOUND", "this invitation was used or withdrawn: ask the owner for a new one");
  return { name: staff.name, restaurantName: staff.restaurant.name };
}

async function openInvite(db: Db, code: string, now: Date) {
  const staff = await db.staffMember.findUnique({
    where: { inviteHash: hashToken(code) },
    select: { id: true, name: true, inviteExpiresAt: true, revokedAt: true, restaurant: { select: { name: true } } },
  });
  if (!staff || staff.revokedAt || !staff.inviteExpiresAt || staff.inviteExpiresAt <= now) {
    throw new DomainError("NOT_FOUND", "this invitation was used, withdrawn or has expired: ask the owner for a new one");
  }
  return staff;
}
