import { createHash, randomBytes } from "node:crypto";
import { type Locale, translate } from "@/lib/i18n";
import type { Db } from "../../infra/db/prisma";
import type { Mailer } from "../../infra/mail";
import { DomainError } from "../errors";
import { hashPassword } from "./passwords";

export const RESET_LINK_MINUTES = 60;

const tokenHash = (token: string) => createHash("sha256").update(token).digest("base64url");

/** A new reset token for the owner: returned once, stored only as its hash, good for one use within the hour. */
export async function createResetToken(db: Db, ownerId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.passwordReset.create({
    data: { tokenHash: tokenHash(token), ownerId, createdAt: now, expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000) },
  });
  return token;
}

export const resetLink = (baseUrl: string, token: string) => new URL(`/owner/reset-password?token=${token}`, baseUrl).toString();

/**
 * Sends a reset link to the e-mail if it belongs to an account. The caller answers the same either way without
 * waiting for this, so neither the answer nor its timing tells whether an address is registered.
 */
export async function requestPasswordReset(db: Db, mail: { mailer: Mailer; baseUrl: string; locale: Locale }, email: string): Promise<void> {
  const owner = await db.owner.findUnique({ where: { email }, select: { id: true, email: true } });
  if (!owner) return;
  const token = await createResetToken(db, owner.id);
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(mail.locale, key, params);
  const message = {
    to: owner.email,
    subject: t("reset.mailSubject"),
    text: t("reset.mailBody", { link: resetLink(mail.baseUrl, token), minutes: RESET_LINK_MINUTES }),
  };
  await mail.mailer.send(message);
}

/**
 * Sets a new password with a reset token: once, before it expires. Every session of the account ends (whoever
 * knew the old password is signed out) and every other reset link of the account stops working.
 */
export async function resetPassword(db: Db, token: string, password: string, now = new Date()): Promise<{ email: string }> {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({ where: { tokenHash: tokenHash(token) }, select: { ownerId: true } });
    const { count } = await tx.passwordReset.updateMany({
      where: { tokenHash: tokenHash(token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (!reset || count === 0) throw new DomainError("PRECONDITION_FAILED", "this reset link has expired or was already used");
    await tx.passwordReset.updateMany({ where: { ownerId: reset.ownerId, usedAt: null }, data: { usedAt: now } });
    await tx.ownerSession.deleteMany({ where: { ownerId: reset.ownerId } });
    return tx.owner.update({ where: { id: reset.ownerId }, data: { passwordHash }, select: { email: true } });
  });
}
