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
