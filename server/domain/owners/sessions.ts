import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../infra/db/prisma";

export const SESSION_COOKIE = "ts_session";
export const SESSION_DAYS = 30;

export const sessionTokenHash = (token: string) => createHash("sha256").update(token).digest("base64url");

/** Starts a server-side session; the returned token goes in the HttpOnly cookie and is never stored. */
export async function startSession(db: Db, ownerId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await db.ownerSession.create({ data: { tokenHash: sessionTokenHash(token), ownerId, expiresAt } });
  return token;
}

export async function findSessionOwner(db: Db, token: string | undefined) {
  if (!token || token.length > 100) return null;
  const session = await db.ownerSession.findUnique({
    where: { tokenHash: sessionTokenHash(token) },
    select: { expiresAt: true, owner: { select: { id: true, email: true, name: true } } },
  });
  if (!session || session.expiresAt <= new Date()) return null;
  return session.owner;
}
export type SessionOwner = NonNullable<Awaited<ReturnType<typeof findSessionOwner>>>;

export async function endSession(db: Db, token: string | undefined): Promise<void> {
  if (token) await db.ownerSession.deleteMany({ where: { tokenHash: sessionTokenHash(token) } });
}

/**
 * A signed-in device, as the counter's audit trail names it: derived from the session, so it tells one staff phone
 * from another without storing anything that could sign in.
 */
export function sessionDevice(token: string | undefined): string {
  return createHash("sha256").update(`device:${token ?? ""}`).digest("base64url").slice(0, 16);
}
