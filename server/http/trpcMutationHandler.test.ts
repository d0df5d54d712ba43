import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { initTRPC, TRPCError } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createMutationHandler } from "./trpcMutationHandler";

const t = initTRPC.context<{ req: IncomingMessage; res: ServerResponse }>().create();
const router = t.router({
  echo: t.procedure.input(z.object({ n: z.number() })).mutation(({ input, ctx }) => {
    ctx.res.appendHeader("Set-Cookie", "seen=1; Path=/");
    return { doubled: input.n * 2 };
  }),
  refuse: t.procedure.mutation(() => {
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: "slow down" });
  }),
  read: t.procedure.query(() => "a query"),
});

/** The same router served by tRPC's standalone adapter alone, and by the fast path in front of it. */
function serve(withFastPath: boolean): Server {
  const createContext = ({ req, res }: { req: IncomingMessage; res: ServerResponse }) => ({ req, res });
  const adapter = createHTTPHandler({ router, basePath: "/trpc/", createContext, maxBodySize: 1024 });
  const fast = createMutationHandler({ router, createContext, maxBodySize: 1024 });
  return createServer((req, res) => {
    const call = withFastPath ? fast.procedureFor(req, "/trpc/") : null;
    if (call) return fast.handle(req, res, call);
    return adapter(req, res);
  });
}

let adapterUrl = "";
let fastUrl = "";
const servers: Server[] = [];
beforeAll(async () => {
  for (const withFastPath of [false, true]) {
    const server = serve(withFastPath);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (withFastPath) fastUrl = url;
    else adapterUrl = url;
  }
});
afterAll(() => servers.forEach((s) => s.close()));

async function both(path: string, init: RequestInit) {
  const answer = async (base: string) => {
    const res = await fetch(`${base}${path}`, init);
    // Stacks name different frames by design (the app's errorFormatter drops them anyway).
    const body = JSON.parse(JSON.stringify(await res.json(), (key, value) => (key === "stack" ? undefined : value)));
    return { status: res.status, type: res.headers.get("content-type"), cookie: res.headers.get("set-cookie"), body };
  };
  return { adapter: await answer(adapterUrl), fast: await answer(fastUrl) };
}

const post = (body: string, headers: Record<string, string> = {}) => ({ method: "POST", body, headers: { "content-type": "application/json", ...headers } });

describe("the mutation fast path answers exactly as tRPC's adapter", () => {
  it.each([
    ["a mutation", "/trpc/echo", post('{"n":21}')],
    ["a batch of one mutation (httpBatchLink)", "/trpc/echo?batch=1", post('{"0":{"n":4}}')],
    ["invalid input", "/trpc/echo", post('{"n":"x"}')],
    ["an error thrown by the procedure", "/trpc/refuse", post("")],
    ["an error in a batch of one", "/trpc/refuse?batch=1", post("{}")],
    ["malformed JSON", "/trpc/echo", post("{nope")],
    ["a body over the limit", "/trpc/echo", post(JSON.stringify({ n: 1, pad: "x".repeat(2_000) }))],
    ["a real batch of two (left to the adapter)", "/trpc/echo,echo?batch=1", post('{"0":{"n":1},"1":{"n":2}}')],
    ["a query (left to the adapter)", "/trpc/read", { method: "GET" }],
    ["an unknown procedure (left to the adapter)", "/trpc/nothing", post("{}")],
  ])("%s", async (_, path, init) => {
    const { adapter, fast } = await both(path, init as RequestInit);
    expect(fast).toEqual(adapter);
  });
});
