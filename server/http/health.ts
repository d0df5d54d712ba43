import type { IncomingMessage, ServerResponse } from "node:http";
import type { Services } from "../services";

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** Liveness (`/api/health`: the process answers) and readiness (`/api/ready`: its database answers). */
export function healthRoutes(services: Services): Record<string, Route> {
  return {
    "/api/health": (_req, res) => reply(res, 200, { ok: true, engine: services.engine.name }),
    "/api/ready": async (_req, res) => {
      try {
        await services.db.$queryRaw`SELECT 1`;
        reply(res, 200, { ready: true, engine: services.engine.name });
      } catch (error) {
        reply(res, 503, { ready: false, error: String(error) });
      }
    },
  };
}

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body));
}
