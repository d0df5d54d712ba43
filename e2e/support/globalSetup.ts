import { buildIfChanged } from "../../scripts/build.mjs";

/** Builds the pages once for the whole run, unless the last build is of these sources (the servers serve it). */
export default function globalSetup() {
  if (process.env.E2E_DEV === "1") return;
  const started = Date.now();
  const built = buildIfChanged({ log: () => {}, stdio: "pipe" });
  console.log(built ? `e2e: next build took ${((Date.now() - started) / 1000).toFixed(0)} s` : "e2e: reusing the build of these sources");
}
