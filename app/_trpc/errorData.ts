/** What went wrong with a call, in the few terms a page reacts to, read from the error's `data` that tRPC sends. */
export type ApiErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "TOO_MANY_REQUESTS"
  | "NETWORK"
  | "OTHER";

export type ApiError = {
  code: ApiErrorCode;
  /** Seconds to wait before trying again, for TOO_MANY_REQUESTS. */
  retryAfterSeconds?: number;
  /** The server's per-field complaints for BAD_REQUEST, by input field name. */
  fields?: Record<string, string[] | undefined>;
  /** When a coupon was already redeemed (CONFLICT from `promotion.redeem`), as an ISO time. */
  redeemedAt?: string;
  /** What the server said about the refusal (e.g. `field`: which input it refused). */
  details?: Record<string, unknown>;
};

/** The `data` of a tRPC error as this server shapes it (server/trpc/init.ts's errorFormatter). */
export type ErrorData = {
  code: string;
  httpStatus?: number;
  retryAfterSeconds?: unknown;
  fields?: Record<string, string[] | undefined>;
  details?: Record<string, unknown> & { redeemedAt?: unknown };
};

const KNOWN = new Set<string>(["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "PRECONDITION_FAILED", "TOO_MANY_REQUESTS"]);

/**
 * No answer at all (`data` undefined) reads as NETWORK. Kept apart from @trpc/client, so the diner's page, which
 * has a lean client of its own (docs/adr/0023), reads its errors the same way.
 */
export function readErrorData(data: ErrorData | undefined | null): ApiError {
  // A server on its way down (SERVICE_UNAVAILABLE) counted nothing: to the diner it is a connection hiccup.
  if (!data || data.code === "SERVICE_UNAVAILABLE") return { code: "NETWORK" };
  const code = KNOWN.has(data.code) ? (data.code as ApiErrorCode) : "OTHER";
  const retryAfter = data.retryAfterSeconds;
  return {
    code,
    retryAfterSeconds: typeof retryAfter === "number" && retryAfter > 0 ? Math.ceil(retryAfter) : undefined,
    fields: data.fields,
    redeemedAt: typeof data.details?.redeemedAt === "string" ? data.details.redeemedAt : undefined,
    details: data.details,
  };
}
