/**
 * What REDIS_URL names: one server, a Redis Cluster, or a Sentinel-watched primary.
 *   redis://[user:pass@]host:port[/db]                        one server (rediss:// for TLS)
 *   redis+cluster://[user:pass@]host:port,host:port           a cluster, given some of its nodes (rediss+cluster://)
 *   redis+sentinel://[user:pass@]host:port,host:port/name[/db][?sentinelPassword=…]
 *                                                            the primary the sentinels call `name` (rediss+sentinel://)
 * Several addresses cannot go through WHATWG URL (a port list is not a port), so the plural forms are read here.
 */
export type HostPort = { host: string; port: number };

type Credentials = { username?: string; password?: string; tls: boolean };

export type RedisAddress =
  | { kind: "single"; url: string }
  | ({ kind: "cluster"; nodes: HostPort[] } & Credentials)
  | ({ kind: "sentinel"; sentinels: HostPort[]; name: string; db: number; sentinelPassword?: string } & Credentials);

const PLURAL = /^(rediss?)\+(cluster|sentinel):\/\/(?:([^@/]*)@)?([^/?#]+)(\/[^?#]*)?(?:\?([^#]*))?$/;

export function parseRedisAddress(text: string): RedisAddress {
  if (/^rediss?:\/\//.test(text)) {
    const url = new URL(text); // throws on a malformed address
    if (!url.hostname) throw new Error("REDIS_URL names no host");
    return { kind: "single", url: text };
  }
  const match = PLURAL.exec(text);
  if (!match) throw new Error("REDIS_URL must start with redis://, rediss://, redis+cluster:// or redis+sentinel:// (rediss+… for TLS)");
  const [, scheme, kind, userinfo, hostList, path = "", query = ""] = match;
  const credentials: Credentials = { ...readUserinfo(userinfo), tls: scheme === "rediss" };
  const hosts = hostList.split(",").map(readHostPort);
  if (kind === "cluster") {
    if (path.replace(/\/$/, "")) throw new Error("a Redis Cluster has no databases: REDIS_URL takes no path after the nodes");
    return { kind: "cluster", nodes: hosts, ...credentials };
  }
  const [name, db = "0"] = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (!name) throw new Error("redis+sentinel:// needs the primary's name after the sentinels, e.g. …:26379/mymaster");
  if (!/^\d+$/.test(db)) throw new Error(`REDIS_URL: database "${db}" is not a number`);
  const sentinelPassword = new URLSearchParams(query).get("sentinelPassword") ?? undefined;
  return { kind: "sentinel", sentinels: hosts, name, db: Number(db), sentinelPassword, ...credentials };
}

function readUserinfo(userinfo: string | undefined): Pick<Credentials, "username" | "password"> {
  if (!userinfo) return {};
  const colon = userinfo.indexOf(":");
  const username = decodeURIComponent(colon < 0 ? userinfo : userinfo.slice(0, colon)) || undefined;
  const password = colon < 0 ? undefined : decodeURIComponent(userinfo.slice(colon + 1)) || undefined;
  return { username, password };
}

/** host:port, [v6]:port, or a host alone (port 6379). */
function readHostPort(part: string): HostPort {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+))(?::(\d+))?$/.exec(part.trim());
  if (!match) throw new Error(`REDIS_URL: "${part}" is not host:port`);
  const port = Number(match[3] ?? 6379);
  if (port < 1 || port > 65535) throw new Error(`REDIS_URL: port ${port} is out of range`);
  return { host: match[1] ?? match[2], port };
}
