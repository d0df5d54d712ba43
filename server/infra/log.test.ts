import { describe, expect, it } from "vitest";
import { createLog } from "./log";

function capture(level: Parameters<typeof createLog>[0]) {
  const lines: Record<string, unknown>[] = [];
  const log = createLog(level, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

describe("log", () => {
  it("writes an error with its type, message and stack, and never a cookie, a coupon code or a ballot code", () => {
    const { log, lines } = capture("info");
    const error = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    log.warn("Redis connection lost", {
      err: error,
      couponCode: "K7QW2M9XHB3D",
      input: { pollId: "p1", ballotCode: "12-ABCDEFGHJK", code: "K7QW2M9XHB3D" },
      req: { headers: { cookie: "ts_session=secret", "user-agent": "phone" } },
    });
    expect(lines).toHaveLength(1);
    const [line] = lines as [Record<string, any>];
    expect(line).toMatchObject({ level: "warn", message: "Redis connection lost" });
    expect(line.err).toMatchObject({ type: "Error", message: "connect ECONNREFUSED", code: "ECONNREFUSED" });
    expect(line.err.stack).toContain("log.test.ts");
    expect(line.couponCode).toBe("[redacted]");
    expect(line.input).toEqual({ pollId: "p1", ballotCode: "[redacted]", code: "[redacted]" });
    expect(line.req.headers).toEqual({ cookie: "[redacted]", "user-agent": "phone" });
  });

  it("keeps to its level, and silent writes nothing", () => {
    const info = capture("info");
    info.log.debug("not shown");
    info.log.info("shown");
    expect(info.lines.map((l) => l.message)).toEqual(["shown"]);
    const silent = capture("silent");
    silent.log.error("not shown either", { err: new Error("x") });
    expect(silent.lines).toEqual([]);
  });
});
