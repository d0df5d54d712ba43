import { TRPCClientError } from "@trpc/client";
import { expect } from "vitest";

/** Awaits a call that must fail, and returns its tRPC error code (e.g. "BAD_REQUEST"). */
export async function errorCodeOf(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the call should have failed").toBeInstanceOf(TRPCClientError);
  const data = (error as TRPCClientError<never>).data as { code?: string; httpStatus?: number } | undefined;
  expect(data?.httpStatus, "never a 500").toBeLessThan(500);
  return data?.code ?? "UNKNOWN";
}
