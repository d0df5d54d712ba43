import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

describe("mail configuration", () => {
  const smtp = { SMTP_URL: "smtps://user:pass@mail.example.com", MAIL_FROM: "Tableside <no-reply@example.com>" };

  it("needs PUBLIC_URL, so reset links never take their host from a request", () => {
    expect(() => readEnv(smtp)).toThrow(/SMTP_URL needs PUBLIC_URL/);
    expect(() => readEnv({ SMTP_URL: smtp.SMTP_URL, PUBLIC_URL: "https://tables.example.com" })).toThrow(/SMTP_URL needs MAIL_FROM/);
    expect(readEnv({ ...smtp, PUBLIC_URL: "https://tables.example.com" })).toMatchObject(smtp);
  });

  it("is optional, and refuses what is not an SMTP URL", () => {
    expect(readEnv({}).SMTP_URL).toBeUndefined();
    expect(() => readEnv({ ...smtp, SMTP_URL: "http://mail.example.com", PUBLIC_URL: "https://tables.example.com" })).toThrow(/SMTP_URL/);
  });
});

describe("several processes on one database", () => {
  const shared = { NODE_ENV: "production", DATABASE_URL: "postgres://app@db.example.com/tableside" };

  it("refuses a production start on a shared database without SESSION_SECRET", () => {
    expect(() => readEnv(shared)).toThrow(/SESSION_SECRET is required in production/);
    expect(readEnv({ ...shared, SESSION_SECRET: "x".repeat(32) }).SESSION_SECRET).toBe("x".repeat(32));
    // The zero-configuration start (no DATABASE_URL) and development keep generating one into DATA_DIR.
    expect(readEnv({ NODE_ENV: "production" }).SESSION_SECRET).toBeUndefined();
    expect(readEnv({ DATABASE_URL: shared.DATABASE_URL }).SESSION_SECRET).toBeUndefined();
  });

  it("takes a direct route for sessions beside a pooler, and a pool size", () => {
    const env = readEnv({ DATABASE_URL: "postgres://app@pgbouncer:6432/tableside", DIRECT_DATABASE_URL: "postgres://app@db:5432/tableside", DATABASE_POOL_SIZE: "8" });
    expect(env).toMatchObject({ DIRECT_DATABASE_URL: "postgres://app@db:5432/tableside", DATABASE_POOL_SIZE: 8 });
    expect(readEnv({}).DATABASE_POOL_SIZE).toBe(20);
    expect(() => readEnv({ DIRECT_DATABASE_URL: "postgres://app@db:5432/tableside" })).toThrow(/set DATABASE_URL too/);
    expect(() => readEnv({ DATABASE_POOL_SIZE: "0" })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
