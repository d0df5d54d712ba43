import { describe, expect, it } from "vitest";
import { reachableFromPhones } from "./shareLink";

describe("links phones can open", () => {
  it("refuses the machine's own names and takes network addresses and domains", () => {
    for (const url of ["http://localhost:3000/p/x", "http://127.0.0.1:41234/p/x", "http://[::1]:3000/p/x", "http://app.localhost/p/x"]) {
      expect(reachableFromPhones(url)).toBe(false);
    }
    for (const url of ["http://192.168.1.23:3000/p/x", "https://vote.hanoktable.kr/p/x"]) expect(reachableFromPhones(url)).toBe(true);
  });
});
