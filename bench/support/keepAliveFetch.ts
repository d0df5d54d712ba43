import http from "node:http";

/**
 * A `fetch` for @trpc/client's httpLink over node:http with a keep-alive Agent: the load generator's client is a
 * real tRPC client, but a cheap one, so that on a 2-core machine the figures measure the server. The same fetch
 * drives every server in a comparison.
 */
export function keepAliveFetch(maxSockets: number): typeof fetch {
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const urls = new Map<string, URL>();
  const send = (input: RequestInfo | URL, init: RequestInit = {}) => {
    const text = String(input);
    let url = urls.get(text);
    if (!url) urls.set(text, (url = new URL(text)));
    return new Promise<Response>((resolve, reject) => {
      const request = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method: init.method ?? "GET",
          headers: init.headers as Record<string, string>,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("end", () => {
            const body = Buffer.concat(chunks).toString("utf8");
            const status = response.statusCode ?? 0;
            resolve({
              ok: status >= 200 && status < 300,
              status,
              headers: { get: (name: string) => response.headers[name.toLowerCase()] ?? null },
              json: async () => JSON.parse(body),
              text: async () => body,
            } as unknown as Response);
          });
        },
      );
      request.on("error", reject);
      request.end(init.body as string | undefined);
    });
  };
  return send as typeof fetch;
}
