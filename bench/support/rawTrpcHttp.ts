import http from "node:http";

/**
 * tRPC's HTTP wire protocol for one mutation, spoken by hand over a keep-alive node:http Agent: POST
 * `/api/trpc/<path>` with the input as the JSON body, `{"result":{"data":…}}` or `{"error":…}` back. What a phone's
 * client sends, without @trpc/client's per-call machinery, which cost the bench's load generator more CPU per vote
 * than the server spends, on the two cores they share (docs/adr/0031).
 */
export function rawTrpcMutations(baseUrl: string, maxSockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const { hostname, port } = new URL(baseUrl);
  return (path: string, input: unknown, cookie: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(input);
      const request = http.request(
        {
          agent,
          host: hostname,
          port,
          path: `/api/trpc/${path}`,
          method: "POST",
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), cookie },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("end", () => {
            try {
              const answer = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { result?: { data: unknown }; error?: { message?: string } };
              if (answer.result) resolve(answer.result.data);
              else reject(new Error(`${response.statusCode}: ${answer.error?.message ?? "no result"}`));
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      request.on("error", reject);
      request.end(body);
    });
}
