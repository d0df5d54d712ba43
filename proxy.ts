import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy } from "./lib/contentSecurityPolicy";

/**
 * Every page gets a fresh script nonce and the policy naming it: on the response for the browser, and on the
 * request, where Next.js reads the nonce and puts it on the scripts it renders (every page renders per request
 * already: the layout reads the language cookie).
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const framedBy = request.nextUrl.pathname.startsWith("/screen/") ? "*" : "'none'";
  const policy = contentSecurityPolicy({ nonce, framedBy, dev: process.env.NODE_ENV !== "production" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: not the API (served before Next.js), static files or prefetches.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|menu-photos/|uploads/).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }, { type: "header", key: "purpose", value: "prefetch" }],
    },
  ],
};
