import { randomUUID } from "node:crypto";
import type { TRPCError } from "@trpc/server";

const ERROR_ID = Symbol("tableside.errorId");

/** What a client is told of a failure it could do nothing about: no internal text, only an id to quote. */
export const UNEXPECTED_MESSAGE = "Something went wrong on our side. If it keeps happening, quote the error id.";

/** A failure the code did not expect (a bug, or a library's internal error): its text is ours, not the client's. */
export function isUnexpected(error: TRPCError): boolean {
  return error.code === "INTERNAL_SERVER_ERROR";
}

/**
 * The id a failure is answered and logged under. Kept on the error itself, so the formatter (which answers) and
 * onError (which logs) give the same id whichever of them runs first.
 */
export function errorIdOf(error: TRPCError): string {
  const tagged = error as TRPCError & { [ERROR_ID]?: string };
  tagged[ERROR_ID] ??= randomUUID();
  return tagged[ERROR_ID];
}
