import type { VoteOutcome } from "./useCastVote";

/**
 * The outcome of a vote sent by the page's form without JavaScript (server/http/formVote.ts): the server sends the
 * diner back with `?outcome=…` (and the choices, or when to try again), and the page says it as if the tap had
 * gone through its script. Anything else: no outcome.
 */
export function formOutcome(params: { outcome?: unknown; choice?: unknown; retryAt?: unknown }): VoteOutcome | undefined {
  const list = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === "string");
  switch (params.outcome) {
    case "counted":
      return { kind: "counted", choices: list(params.choice), results: null, coupon: null };
    case "alreadyVoted":
      return { kind: "alreadyVoted", results: null };
    case "tooFast":
      return { kind: "tooFast", retryAt: Number(params.retryAt) || 0 };
    case "notAccepting":
      return { kind: "notAccepting" };
    case "notFound":
      return { kind: "notFound" };
    case "needsPresence":
      return { kind: "needsPresence", invalid: false };
    case "presenceInvalid":
      return { kind: "needsPresence", invalid: true };
    case "failed":
      return { kind: "failed", network: false };
    default:
      return undefined;
  }
}
