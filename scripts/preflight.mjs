// What `npm test` needs from the operating system, checked before anything runs: a `redis-server` binary (the
// tests start private ones), Chromium (the end-to-end journeys) and, best effort, a CJK font (legible Korean in
// screenshots). Missing pieces are installed from Debian's packages when this runs as root with apt-get (a fresh
// container, CI); otherwise the run stops at once with the one command to type.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const CHROMIUM_DEFAULT = "/usr/bin/chromium";

/** The first executable `name` on PATH, or null. */
export function onPath(name, env = process.env) {
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/** `$REDIS_SERVER_BIN`, else `redis-server` on PATH (as server/infra/privateRedis.ts looks for it). */
export function findRedisServer(env = process.env) {
  if (env.REDIS_SERVER_BIN) return isExecutable(env.REDIS_SERVER_BIN) ? env.REDIS_SERVER_BIN : null;
  return onPath("redis-server", env);
}

/** `$CHROMIUM_PATH` when set (null if it is not a browser), else Debian's /usr/bin/chromium, else `chromium` on PATH. */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return isExecutable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  if (isExecutable(CHROMIUM_DEFAULT)) return CHROMIUM_DEFAULT;
  return onPath("chromium", env);
}

function hasCjkFont(env) {
  const fcList = onPath("fc-list", env);
  if (!fcList) return false;
  const listed = spawnSync(fcList, [], { encoding: "utf8", env });
  return /cjk/i.test(listed.stdout ?? "");
}

/**
 * Checks (and where it can, installs) what the tests need. Returns the environment the test runners should get
 * (CHROMIUM_PATH pointing at the browser found), or throws with the instruction to print.
 */
export function prepareSystem({ env = process.env, log = console.log, e2e = true } = {}) {
  const needed = [];
  if (!findRedisServer(env)) needed.push({ pkg: "redis-server", why: "the tests start private Redis servers" });
  if (e2e && !findChromium(env)) {
    const why = env.CHROMIUM_PATH ? `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not a browser` : "the end-to-end journeys run in Chromium";
    needed.push({ pkg: "chromium", why });
  }
  const wantFont = e2e && !hasCjkFont(env);

  const apt = onPath("apt-get", env);
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const packages = [...needed.map((n) => n.pkg), ...(wantFont ? ["fonts-noto-cjk"] : [])];
  let installed = false;
  if (packages.length > 0 && apt && root) {
    log(`npm test: installing ${packages.join(", ")} from Debian's packages (apt-get, as root)`);
    const aptEnv = { ...env, DEBIAN_FRONTEND: "noninteractive" };
    const run = (args) => spawnSync(apt, args, { stdio: "inherit", env: aptEnv }).status === 0;
    installed = run(["update"]) && run(["install", "-y", "--no-install-recommends", ...packages]);
    if (!installed && needed.length === 0) log("npm test: the CJK font did not install; Korean screenshots will show boxes");
  } else if (wantFont && needed.length === 0) {
    log("npm test: no CJK font (fonts-noto-cjk); the tests pass, Korean screenshots will show boxes");
  }

  // A CHROMIUM_PATH that pointed at nothing gives way to the browser just installed.
  const browser = findChromium(env) ?? (installed && packages.includes("chromium") ? findChromium({ ...env, CHROMIUM_PATH: "" }) : null);
  const stillMissing = needed.filter((n) => (n.pkg === "redis-server" ? !findRedisServer(env) : !browser));
  if (stillMissing.length > 0) {
    const list = stillMissing.map((n) => `  - ${n.pkg}: ${n.why}`).join("\n");
    const command = apt || existsSync("/etc/debian_version")
      ? `sudo apt-get install -y ${stillMissing.map((n) => n.pkg).join(" ")}`
      : "install redis-server and Chromium with your system's package manager (e.g. `brew install redis chromium`)";
    throw new Error(
      `npm test needs software that is not installed:\n${list}\nRun this once, then npm test again:\n  ${command}\n` +
        "(or point REDIS_SERVER_BIN / CHROMIUM_PATH at binaries you already have)",
    );
  }
  return e2e ? { ...env, CHROMIUM_PATH: browser } : env;
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

// Run directly (`node scripts/preflight.mjs`): check, install where possible, and exit 1 with the instruction.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    const env = prepareSystem();
    console.log(`npm test: system ready (redis-server ${findRedisServer(env)}, Chromium ${env.CHROMIUM_PATH})`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
