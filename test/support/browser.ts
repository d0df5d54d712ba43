import { createTRPCClient, httpLink } from "@trpc/client";
import { Agent, fetch as undiciFetch } from "undici";
import type { AppRouter } from "../../server/routers/appRouter";

/**
 * A browser as far as the API can tell: a tRPC client with its own cookie jar. Cookies the server sets
 * (voter identity, owner session) come back on later requests, as they would from a phone.
 */
export class Browser {
  readonly cookies = new Map<string, string>();
  readonly api;
  private readonly dispatcher?: Agent;

  /** `fromAddress`: a loopback address (127.x.y.z) to connect from, so a test can play diners on many networks. */
  constructor(
    readonly baseUrl: string,
    fromAddress?: string,
  ) {
    this.dispatcher = fromAddress ? sharedAgent(fromAddress) : undefined;
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
    const response = (this.dispatcher
      ? await undiciFetch(input as string, { ...(init as object), headers, dispatcher: this.dispatcher })
      : await fetch(input, { ...init, headers })) as Response;
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

const agents = new Map<string, Agent>();
function sharedAgent(localAddress: string): Agent {
  let agent = agents.get(localAddress);
  if (!agent) agents.set(localAddress, (agent = new Agent({ localAddress })));
  return agent;
}
