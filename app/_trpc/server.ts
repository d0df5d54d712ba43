import "server-only";
import { createTRPCClient, httpLink } from "@trpc/client";
import { headers } from "next/headers";
import type { AppRouter } from "@/server/routers/appRouter";

/**
 * tRPC for pages rendered on the server, over loopback HTTP to this same process: pages reach the server through
 * tRPC alone (.dependency-cruiser.cjs), and Next's bundle is a module world of its own, so an in-process caller
 * would be a second copy of the services. The visitor's cookies go along (their vote, their coupon); a call costs
 * about a millisecond on loopback.
 */
export async function serverApi() {
  const host = process.env.HOST && !["0.0.0.0", "::"].includes(process.env.HOST) ? process.env.HOST : "127.0.0.1";
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${process.env.PORT ?? 3000}/api/trpc`;
  const cookie = (await headers()).get("cookie");
  return createTRPCClient<AppRouter>({ links: [httpLink({ url, headers: cookie ? { cookie } : {} })] });
}
