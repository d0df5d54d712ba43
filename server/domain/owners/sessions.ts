import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../infra/db/prisma";

export const SESSION_COOKIE = "ts_session";
export const SESSION_DAYS = 30;

const tokenHash = (token: string) => createHash("sha256").update(token).digest("base64url");

/** Starts a server-side session; the returned token goes in the HttpOnly cookie and is never stored. */
export async function startSession(db: Db, ownerId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await db.ownerSession.create({ data: { tokenHash: tokenHash(token), ownerId, expiresAt } });
  return token;
}

export async function findSessionOwner(db: Db, token: string | undefined) {
  if (!token || token.length > 100) return null;
  const session = await db.ownerSession.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: { expiresAt: true, owner: { select: { id: true, email: true, name: true } } },
  });
  if (!session || session.expiresAt <= new Date()) return null;
  return session.owner;
}
export type SessionOwner = NonNullable<Awaited<ReturnType<typeof findSessionOwner>>>;

export async function endSession(db: Db, token: string | undefined): Promise<void> {
  if (token) await db.ownerSession.deleteMany({ where: { tokenHash: tokenHash(token) } });
}
