import type { IncomingMessage, ServerResponse } from "node:http";
import { type AnyRouter, TRPCError } from "@trpc/server";
import { getErrorShape, getTRPCErrorFromUnknown, transformTRPCResponse } from "@trpc/server/unstable-core-do-not-import";

type Procedure = (opts: {
  path: string;
  getRawInput: () => Promise<unknown>;
  ctx: unknown;
  type: "mutation";
  signal: AbortSignal | undefined;
  batchIndex: number;
}) => Promise<unknown>;

export type MutationHandlerOptions<TContext> = {
  router: AnyRouter;
  createContext(opts: { req: IncomingMessage; res: ServerResponse }): TContext;
  maxBodySize: number;
  onError?(opts: { error: TRPCError; path: string; input: unknown; ctx: TContext | undefined; type: "mutation"; req: IncomingMessage }): void;
};

/**
 * tRPC's wire protocol for one (unbatched) mutation, served straight on node:http. The standalone adapter turns
 * every request into a Fetch `Request` (headers copied, body as a web stream, an AbortSignal per request) and the
 * answer into a `Response`, then back onto the socket; for a vote that costs more CPU than the vote itself
 * (docs/adr/0007). Here the body is read as a Buffer, parsed once, and the procedure is called through tRPC's own
 * procedure function, so middlewares, zod input, errorFormatter and onError behave exactly as through the adapter.
 * Everything else (queries, batches, subscriptions, other methods) goes to the standard handler: `procedureFor`
 * answers null for it.
 */
export function createMutationHandler<TContext>(options: MutationHandlerOptions<TContext>) {
  const { router, maxBodySize } = options;
  const config = router._def._config;
  const procedures = router._def.procedures as Record<string, { _def: { type: string } } | undefined>;

  /** The mutation this request calls, when it is a single JSON POST to one: else null (the standard handler). */
  function procedureFor(req: IncomingMessage, basePath: string): { path: string; procedure: Procedure } | null {
    if (req.method !== "POST") return null;
    const url = req.url ?? "";
    if (url.includes("?") || !url.startsWith(basePath)) return null; // ?batch=1 and friends: the adapter's job
    let path: string;
    try {
      path = decodeURIComponent(url.slice(basePath.length));
    } catch {
      return null;
    }
    const procedure = Object.hasOwn(procedures, path) ? procedures[path] : undefined;
    if (procedure?._def.type !== "mutation") return null;
    return { path, procedure: procedure as unknown as Procedure };
  }

  function handle(req: IncomingMessage, res: ServerResponse, path: string, procedure: Procedure): void {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodySize) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => {
      if (tooLarge) return void respond(req, res, path, undefined, undefined, new TRPCError({ code: "PAYLOAD_TOO_LARGE" }));
      const text = chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8");
      let input: unknown;
      try {
        input = text === "" ? undefined : config.transformer.input.deserialize(JSON.parse(text));
      } catch (cause) {
        return void respond(req, res, path, undefined, undefined, new TRPCError({ code: "PARSE_ERROR", cause: cause as Error }));
      }
      void call(req, res, path, procedure, input);
    });
    req.on("error", () => res.destroy());
  }

  async function call(req: IncomingMessage, res: ServerResponse, path: string, procedure: Procedure, input: unknown) {
    let ctx: TContext | undefined;
    try {
      ctx = options.createContext({ req, res });
      const data = await procedure({ path, getRawInput: async () => input, ctx, type: "mutation", signal: undefined, batchIndex: 0 });
      respond(req, res, path, input, ctx, null, data);
    } catch (cause) {
      respond(req, res, path, input, ctx, getTRPCErrorFromUnknown(cause));
    }
  }

  function respond(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    input: unknown,
    ctx: TContext | undefined,
    error: TRPCError | null | undefined,
    data?: unknown,
  ): void {
    let status = 200;
    let body: unknown;
    if (error) {
      options.onError?.({ error, path, input, ctx, type: "mutation", req });
      const shape = getErrorShape({ config, ctx, error, input, path, type: "mutation" });
      const httpStatus = (shape.data as { httpStatus?: unknown } | undefined)?.httpStatus;
      status = typeof httpStatus === "number" ? httpStatus : 500;
      body = { error: shape };
    } else {
      body = { result: { data } };
    }
    if (res.headersSent || res.destroyed) return;
    const json = JSON.stringify(transformTRPCResponse(config, body as never));
    res.writeHead(status, { "content-type": "application/json", vary: "trpc-accept, accept", "content-length": Buffer.byteLength(json) });
    res.end(json);
  }

  return { procedureFor, handle };
}
