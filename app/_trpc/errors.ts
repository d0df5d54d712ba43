import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/routers/appRouter";

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

const KNOWN = new Set<string>(["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "PRECONDITION_FAILED", "TOO_MANY_REQUESTS"]);

/** What went wrong with a call, in the few terms a page reacts to. No response at all reads as NETWORK. */
export function readApiError(error: unknown): ApiError {
  if (!(error instanceof TRPCClientError)) return { code: "OTHER" };
  const data = (error as TRPCClientError<AppRouter>).data;
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

/** A 4xx answer: asking again gives the same answer, so queries do not retry it. */
export function isClientError(error: unknown): boolean {
  return error instanceof TRPCClientError && typeof error.data?.httpStatus === "number" && error.data.httpStatus < 500;
}
