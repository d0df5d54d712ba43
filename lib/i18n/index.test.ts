import { describe, expect, it } from "vitest";
import { en } from "./en";
import { negotiateLocale, translate } from "./index";
import { ko } from "./ko";

describe("negotiateLocale", () => {
  it("picks the first language we speak, by quality then order", () => {
    expect(negotiateLocale("ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7")).toBe("ko");
    expect(negotiateLocale("en-GB,en;q=0.9,ko;q=0.8")).toBe("en");
    expect(negotiateLocale("fr-FR,fr;q=0.9,ko;q=0.8,en;q=0.5")).toBe("ko");
    expect(negotiateLocale("en;q=0.4,ko;q=0.6")).toBe("ko");
  });

  it("falls back to English for nothing, nonsense or only unknown languages", () => {
    expect(negotiateLocale(undefined)).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale("*")).toBe("en");
    expect(negotiateLocale("de-DE,ja;q=0.5")).toBe("en");
    expect(negotiateLocale("ko;q=0")).toBe("en");
  });
});

describe("translate", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("en", "common.tooFast", { seconds: 7 })).toBe("Too fast — try again in 7 s");
    expect(translate("ko", "common.tooFast", { seconds: 7 })).toBe("너무 빨라요 — 7초 후에 다시 시도해 주세요");
    expect(translate("en", "common.tooFast")).toBe("Too fast — try again in {seconds} s");
  });

  it("has a Korean message for every English key and the same placeholders in each", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(ko[key], key).toBeTruthy();
      expect(placeholders(ko[key]), key).toEqual(placeholders(en[key]));
    }
  });
});
