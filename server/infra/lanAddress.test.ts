import type { NetworkInterfaceInfo } from "node:os";
import { describe, expect, it } from "vitest";
import { lanOrigin } from "./lanAddress";

const nic = (address: string, internal = false) => ({ address, family: "IPv4", internal }) as NetworkInterfaceInfo;
const interfaces = { lo: [nic("127.0.0.1", true)], docker0: [nic("100.64.0.1")], wlan0: [nic("192.168.1.23")] };

describe("the LAN address diners' phones can reach", () => {
  it("prefers a private address when listening on every interface", () => {
    expect(lanOrigin("0.0.0.0", 3000, interfaces)).toBe("http://192.168.1.23:3000");
    expect(lanOrigin("::", 8080, interfaces)).toBe("http://192.168.1.23:8080");
  });

  it("takes the one address listened on, and none for loopback, a random port or a machine without a network", () => {
    expect(lanOrigin("100.64.0.1", 3000, interfaces)).toBe("http://100.64.0.1:3000");
    expect(lanOrigin("127.0.0.1", 3000, interfaces)).toBeNull();
    expect(lanOrigin("0.0.0.0", 0, interfaces)).toBeNull();
    expect(lanOrigin("0.0.0.0", 3000, { lo: interfaces.lo })).toBeNull();
  });
});
