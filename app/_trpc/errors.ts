import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/routers/appRouter";
import { type ApiError, type ErrorData, readErrorData } from "./errorData";

export type { ApiError, ApiErrorCode } from "./errorData";

/** What went wrong with a call, in the few terms a page reacts to. No response at all reads as NETWORK. */
export function readApiError(error: unknown): ApiError {
  if (!(error instanceof TRPCClientError)) return { code: "OTHER" };
  return readErrorData((error as TRPCClientError<AppRouter>).data as ErrorData | undefined);
}

/** A 4xx answer: asking again gives the same answer, so queries do not retry it. */
export function isClientError(error: unknown): boolean {
  return error instanceof TRPCClientError && typeof error.data?.httpStatus === "number" && error.data.httpStatus < 500;
}
