import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** As SESSION_SECRET must be (server/env.ts): shorter signs nothing anyone could not forge. */
const MIN_SECRET_LENGTH = 32;

/**
 * The secret that signs voter cookies and derives ballot codes: from the environment, else generated once and
 * kept in the data folder. A kept file that is empty or too short (truncated, or written by hand) stops the
 * start with a message: signing with it would make cookies and ballot codes forgeable.
 */
export async function loadSessionSecret(configured: string | undefined, dataDir: string): Promise<string> {
  if (configured) return configured;
  const file = join(dataDir, "session-secret");
  const kept = await readFile(file, "utf8").then((text) => text.trim(), () => null);
  if (kept !== null) return checked(kept, file);
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" }).catch(() => {}); // another process may have won
  return checked((await readFile(file, "utf8")).trim(), file);
}

function checked(secret: string, file: string): string {
  if (secret.length >= MIN_SECRET_LENGTH) return secret;
  throw new Error(
    `${file} holds a secret of ${secret.length} characters; at least ${MIN_SECRET_LENGTH} are needed. ` +
      "Delete the file to have a new one generated (voter cookies and printed ballot codes signed with the old one stop working), or set SESSION_SECRET.",
  );
}
