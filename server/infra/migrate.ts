import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Applies prisma/migrations to the database with `prisma migrate deploy` (the local CLI, js schema engine). */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  const prisma = path.join(projectRoot, "node_modules", ".bin", "prisma");
  await new Promise<void>((resolve, reject) => {
    execFile(
      prisma,
      ["migrate", "deploy"],
      {
        cwd: projectRoot,
        // CHECKPOINT_DISABLE stops the CLI's update check, a network call this machine cannot make.
        env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`prisma migrate deploy failed (${error.message.split("\n")[0]}):\n${stdout}${stderr}`));
        else resolve();
      },
    );
  });
}
