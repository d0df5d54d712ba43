import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Services } from "../services";

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * Liveness (`/api/health`: the process answers), readiness (`/api/ready`: Postgres answers, migrations are
 * applied, not shutting down; Redis is reported, see readiness.ts) and Prometheus metrics (`/metrics`).
 */
export function healthRoutes(services: Services): Record<string, Route> {
  return {
    "/api/health": (_req, res) => reply(res, 200, { ok: true, engine: services.engine.name }),
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
    "/metrics": async (_req, res) => {
      const body = await services.metrics.metrics();
      res.writeHead(200, { "content-type": services.metrics.contentType, "cache-control": "no-store" }).end(body);
    },
  };
}

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body));
}
