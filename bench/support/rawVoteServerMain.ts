/**
 * The raw ceiling: a minimal `node:http` server doing only the essential work of a vote, with no framework —
 * read the JSON body, check the signed voter cookie, run the same Lua script (server/engine/redis/castVote.lua)
 * through the same ioredis client, answer. It answers in tRPC's wire format on the same path, so the very same
 * @trpc/client load generator drives it and the ratio compares servers, not clients. Prints `listening <port>`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parse } from "cookie";
import { Redis } from "ioredis";
import { readVoterCookie, VOTER_COOKIE } from "../../server/domain/voters/voterCookie";
import { newCouponCode } from "../../server/domain/votes/castVote";
import { pollKeys, TOTAL_FIELD } from "../../server/engine/redis/keys";
import { defineScripts } from "../../server/engine/redis/scripts";
import { answerStats } from "./processStats";

const secret = process.env.SESSION_SECRET!;
const redis = defineScripts(new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: 2, enableAutoPipelining: process.env.BENCH_AUTOPIPELINING === "on" }));

async function castVote(req: IncomingMessage, res: ServerResponse, body: string) {
  const input = JSON.parse(body) as { pollId: string; optionIds: string[] };
  const voter = readVoterCookie(parse(req.headers.cookie ?? "")[VOTER_COOKIE], secret);
  if (voter.kind !== "valid") return reply(res, 401, { error: { message: "no voter", code: -32001 } });
  const k = pollKeys(input.pollId);
  // No rate limit (limit 0): the ceiling does the least a vote can.
  const [outcome, coupon, tally] = (await redis.castVote(
    k.meta, k.voters, k.tally, k.ballots, k.winners, `${k.tag}:rl`, `${k.tag}:rl`,
    voter.voterId, String(Date.now()), newCouponCode(), "0", "0", "0", ...input.optionIds,
  )) as [string, string | null | undefined, string[] | undefined];
  if (outcome !== "accepted" && outcome !== "already_voted") return reply(res, 412, { error: { message: outcome, code: -32012 } });
  const counts: Record<string, number> = {};
  let total = 0;
  for (let i = 0; i < (tally?.length ?? 0); i += 2) {
    if (tally![i] === TOTAL_FIELD) total = Number(tally![i + 1]);
    else counts[tally![i]] = Number(tally![i + 1]);
  }
  reply(res, 200, { result: { data: { status: outcome, results: { counts, total, seq: total }, coupon: coupon ? { code: coupon } : null } } });
}

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

const server = createServer((req, res) => {
  if (req.method !== "POST" || req.url !== "/api/trpc/vote.cast") return reply(res, 404, { error: { message: "not found" } });
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    castVote(req, res, Buffer.concat(chunks).toString("utf8")).catch((error: unknown) =>
      reply(res, 500, { error: { message: String(error), code: -32603 } }),
    );
  });
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`));
answerStats();
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => void redis.quit().finally(() => process.exit(0)));
});
