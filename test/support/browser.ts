import { createTRPCClient, httpLink } from "@trpc/client";
import type { AppRouter } from "../../server/trpc/appRouter";

/**
 * A browser as far as the API can tell: a tRPC client with its own cookie jar. Cookies the server sets
 * (voter identity, owner session) come back on later requests, as they would from a phone.
 */
export class Browser {
  readonly cookies = new Map<string, string>();
  readonly api;

  constructor(readonly baseUrl: string) {
    this.api = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${baseUrl}/api/trpc`, fetch: (input, init) => this.fetch(input, init) })],
    });
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private async fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const headers = new Headers(init?.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.cookieHeader());
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}
