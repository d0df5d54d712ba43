import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Services } from "../services";
import { clientIp, isLoopback } from "../trpc/clientIp";

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * Liveness (`/api/health`: the process answers, with its engine and the pages' build), readiness (`/api/ready`: Postgres answers, migrations are
 * applied, not shutting down; Redis is reported, see readiness.ts) and Prometheus metrics (`/metrics`, for the
 * bearer of METRICS_TOKEN, or without one for this host only).
 */
export function healthRoutes(services: Services): Record<string, Route> {
  return {
    "/api/health": (_req, res) => reply(res, 200, { ok: true, engine: services.engine.name, build: services.buildId }),
    "/api/ready": async (_req, res) => {
      try {
        const readiness = await services.readiness.check();
        reply(res, readiness.ready ? 200 : 503, readiness);
      } catch (error) {
        const errorId = randomUUID(); // the probe's caller sees the id, the log has the error
        services.log.error("readiness check failed", { errorId, err: error });
        reply(res, 503, { ready: false, errorId });
      }
    },
    "/metrics": async (req, res) => {
      const refusal = refuseScrape(req, services);
      if (refusal) return reply(res, refusal, { error: refusal === 401 ? "a bearer token is required" : "not found" });
      const body = await services.metrics.metrics();
      res.writeHead(200, { "content-type": services.metrics.contentType, "cache-control": "no-store" }).end(body);
    },
  };
}

/**
 * /metrics tells vote counts and traffic: with METRICS_TOKEN set, only `Authorization: Bearer <token>` is served
 * (401 otherwise); without, only clients on this host (the client address as TRUST_PROXY resolves it), 404 else.
 */
function refuseScrape(req: IncomingMessage, services: Services): number | null {
  if (services.metricsToken) {
    const digest = (text: string) => createHash("sha256").update(text).digest();
    return timingSafeEqual(digest(req.headers.authorization ?? ""), digest(`Bearer ${services.metricsToken}`)) ? null : 401;
  }
  return isLoopback(clientIp(req, services.trustProxy)) ? null : 404;
}

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body));
}
