import { networkInterfaces } from "node:os";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1"]);

/**
 * The address phones on the restaurant's Wi-Fi can reach this server at, when PUBLIC_URL is not set: the machine's
 * first private IPv4 address (192.168/16, 10/8, 172.16/12, else any non-internal IPv4) with the port. None when the
 * server listens on loopback only (nothing else could connect) or the port is chosen at random (0).
 */
export function lanOrigin(host: string, port: number, interfaces = networkInterfaces()): string | null {
  if (LOOPBACK_HOSTS.has(host) || port === 0) return null;
  const addresses = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((a) => a.family === "IPv4" && !a.internal)
    .map((a) => a.address);
  const listening = host === "0.0.0.0" || host === "::" ? addresses : addresses.filter((a) => a === host);
  const address = listening.find(isPrivate) ?? listening[0];
  return address ? `http://${address}:${port}` : null;
}

function isPrivate(address: string): boolean {
  const [a, b] = address.split(".").map(Number);
  return a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
}
