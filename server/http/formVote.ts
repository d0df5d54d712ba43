import type { IncomingMessage, ServerResponse } from "node:http";
import { getTRPCErrorFromUnknown, type TRPCError } from "@trpc/server";
import { DomainError } from "../domain/errors";
import { appRouter } from "../routers/appRouter";
import type { Context } from "../trpc/context";
import { refuseCrossSite } from "./mutationGuard";

const MAX_FORM_BODY = 8 * 1024;
const FORM_PATH = /^\/p\/([^/]+)\/vote$/;

/** The slug of a diner page's form vote (`POST /p/<slug>/vote`), or null for any other path. */
export function formVoteSlug(path: string): string | null {
  const match = FORM_PATH.exec(path);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** What the diner page says after a form vote: the `outcome` it is sent back with. */
export type FormVoteOutcome = "counted" | "alreadyVoted" | "tooFast" | "notAccepting" | "notFound" | "needsPresence" | "presenceInvalid" | "failed";

type Handlers = {
  createContext(opts: { req: IncomingMessage; res: ServerResponse }): Context;
  onError(opts: { error: TRPCError; path?: string; ctx?: Context }): void;
};

/**
 * A vote without JavaScript: the diner page's options are a real form posting here. The vote goes through the very
 * tRPC procedure the page's script calls (vote.cast, in process: its rate limit, voter cookie rules, presence proof
 * and ballot-code checks), behind the same Origin check as tRPC's mutations; the answer is a redirect (303) back to
 * the page, which shows the outcome it is sent back with. A voter cookie issued by the vote rides on the redirect.
 */
export function handleFormVote(req: IncomingMessage, res: ServerResponse, slug: string, publicUrl: string | undefined, handlers: Handlers): void {
  const page = `/p/${encodeURIComponent(slug)}`;
  if (req.method !== "POST") return void res.writeHead(303, { location: page }).end();
  const refusal = refuseCrossSite(req, publicUrl);
  if (refusal) return void res.writeHead(refusal.status, { "content-type": "text/plain" }).end(refusal.message);
  if (!(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) {
    return void res.writeHead(415, { "content-type": "text/plain" }).end("a vote form posts application/x-www-form-urlencoded");
  }
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_FORM_BODY) chunks.push(chunk);
  });
  req.on("error", () => res.destroy());
  req.on("end", () => {
    if (size > MAX_FORM_BODY) return void res.writeHead(413, { "content-type": "text/plain" }).end("form too large");
    const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
    void castFromForm(req, res, form, handlers).then((outcome) => {
      const back = new URLSearchParams();
      for (const [field, param] of [["roomCode", "room"], ["tableCode", "table"], ["ballotCode", "code"]] as const) {
        const value = form.get(field);
        if (value) back.set(param, value.slice(0, 20));
      }
      back.set("outcome", outcome.kind);
      if (outcome.kind === "counted") for (const id of form.getAll("optionId").slice(0, 50)) back.append("choice", id);
      if (outcome.kind === "tooFast") back.set("retryAt", String(Date.now() + outcome.retryAfterSeconds * 1000));
      res.writeHead(303, { location: `${page}?${back}` }).end();
    });
  });
}

type Cast = { kind: Exclude<FormVoteOutcome, "tooFast"> } | { kind: "tooFast"; retryAfterSeconds: number };

async function castFromForm(req: IncomingMessage, res: ServerResponse, form: URLSearchParams, handlers: Handlers): Promise<Cast> {
  const ctx = handlers.createContext({ req, res });
  const text = (name: string) => form.get(name) || undefined;
  const input = { pollId: form.get("pollId") ?? "", optionIds: form.getAll("optionId"), roomCode: text("roomCode"), tableCode: text("tableCode"), ballotCode: text("ballotCode") };
  try {
    const vote = await appRouter.createCaller(ctx).vote.cast(input);
    return { kind: vote.status === "already_voted" ? "alreadyVoted" : "counted" };
  } catch (caught) {
    const error = getTRPCErrorFromUnknown(caught);
    const details = error.cause instanceof DomainError ? error.cause.details : undefined;
    switch (error.code) {
      case "TOO_MANY_REQUESTS":
        return { kind: "tooFast", retryAfterSeconds: Number(details?.retryAfterSeconds ?? 5) };
      case "PRECONDITION_FAILED":
        return { kind: "notAccepting" };
      case "NOT_FOUND":
        return { kind: "notFound" };
      case "FORBIDDEN":
        return { kind: details?.presence === "invalid" ? "presenceInvalid" : details?.presence ? "needsPresence" : "failed" };
      default:
        // A refused voter cookie came with a fresh one: the next tap is the diner's first real attempt.
        handlers.onError({ error, path: "vote.cast", ctx });
        return { kind: "failed" };
    }
  }
}
