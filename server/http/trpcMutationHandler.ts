import type { IncomingMessage, ServerResponse } from "node:http";
import { type AnyRouter, TRPCError } from "@trpc/server";
import { getErrorShape, getTRPCErrorFromUnknown, transformTRPCResponse } from "@trpc/server/unstable-core-do-not-import";

type Call = { path: string; procedure: Procedure; batch: boolean };

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
 * A batch of one mutation (what httpBatchLink sends for a lone vote: `?batch=1`, body `{"0": input}`, answer as
 * a one-element array) is served the same way. Everything else (queries, real batches, streaming, subscriptions)
 * goes to the standard handler: `procedureFor` answers null for it.
 */
export function createMutationHandler<TContext>(options: MutationHandlerOptions<TContext>) {
  const { router, maxBodySize } = options;
  const config = router._def._config;
  const procedures = router._def.procedures as Record<string, { _def: { type: string } } | undefined>;

  /** The mutation this request calls, when it is one JSON POST to one mutation: else null (the standard handler). */
  function procedureFor(req: IncomingMessage, basePath: string): Call | null {
    if (req.method !== "POST" || !req.url?.startsWith(basePath)) return null;
    if (req.headers["trpc-accept"] !== undefined) return null; // streaming links: the adapter's job
    const query = req.url.indexOf("?");
    const batch = query >= 0;
    if (batch && req.url.slice(query + 1) !== "batch=1") return null;
    let path: string;
    try {
      path = decodeURIComponent(req.url.slice(basePath.length, batch ? query : undefined));
    } catch {
      return null;
    }
    const procedure = Object.hasOwn(procedures, path) ? procedures[path] : undefined; // "a,b": a real batch, not found
    if (procedure?._def.type !== "mutation") return null;
    return { path, procedure: procedure as unknown as Procedure, batch };
  }

  function handle(req: IncomingMessage, res: ServerResponse, call: Call): void {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodySize) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => {
      if (tooLarge) return void respond(req, res, call, undefined, undefined, new TRPCError({ code: "PAYLOAD_TOO_LARGE" }));
      const text = chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8");
      let input: unknown;
      try {
        const json = text === "" ? undefined : JSON.parse(text);
        const raw = call.batch ? (json as Record<string, unknown> | undefined)?.["0"] : json;
        input = raw === undefined ? undefined : config.transformer.input.deserialize(raw);
      } catch (cause) {
        return void respond(req, res, call, undefined, undefined, new TRPCError({ code: "BAD_REQUEST", cause: cause as Error }));
      }
      void run(req, res, call, input);
    });
    req.on("error", () => res.destroy());
  }

  async function run(req: IncomingMessage, res: ServerResponse, call: Call, input: unknown) {
    let ctx: TContext | undefined;
    try {
      ctx = options.createContext({ req, res });
      const data = await call.procedure({ path: call.path, getRawInput: async () => input, ctx, type: "mutation", signal: undefined, batchIndex: 0 });
      respond(req, res, call, input, ctx, null, data);
    } catch (cause) {
      respond(req, res, call, input, ctx, getTRPCErrorFromUnknown(cause));
    }
  }

  function respond(
    req: IncomingMessage,
    res: ServerResponse,
    { path, batch }: Call,
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
    const transformed = transformTRPCResponse(config, body as never);
    const json = JSON.stringify(batch ? [transformed] : transformed);
    res.writeHead(status, { "content-type": "application/json", vary: "trpc-accept, accept", "content-length": Buffer.byteLength(json) });
    res.end(json);
  }

  return { procedureFor, handle };
}
