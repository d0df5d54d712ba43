import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/appRouter";
import { type ApiError, type ErrorData, readErrorData } from "../../../_trpc/errorData";

/*
 * The diner's page calls the API with plain `fetch`, in tRPC's own HTTP wire format (no transformer: JSON as is),
 * typed from the router: the same procedures, guards and answers as every other page, without React Query and
 * @trpc/client in the page's script (docs/adr/0023). Queries are GET `/api/trpc/<path>?input=<json>`, mutations a
 * POST of the JSON input; an answer is `{ result: { data } }` or `{ error: { message, code, data } }`.
 */
type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;
type Router = keyof Inputs & string;
export type ApiPath = { [R in Router]: `${R}.${keyof Inputs[R] & string}` }[Router];
export type InputOf<P extends ApiPath> = P extends `${infer R extends Router}.${infer N}` ? (N extends keyof Inputs[R] ? Inputs[R][N] : never) : never;
export type OutputOf<P extends ApiPath> = P extends `${infer R extends Router}.${infer N}` ? (N extends keyof Outputs[R] ? Outputs[R][N] : never) : never;

export const TRPC_PATH = "/api/trpc";

/** A call that failed: `data` is the server's error data (server/trpc/init.ts), absent when no answer came. */
export class ApiCallError extends Error {
  constructor(readonly data: ErrorData | undefined) {
    super(data ? `API error ${data.code}` : "no answer from the API");
  }
}

/** A failed call in the terms the page reacts to (the same as the other pages': app/_trpc/errors.ts). */
export function readCallError(error: unknown): ApiError {
  return error instanceof ApiCallError ? readErrorData(error.data) : { code: "OTHER" };
}

/** A 4xx answer: asking again gives the same answer. */
export function isClientError(error: unknown): boolean {
  const status = error instanceof ApiCallError ? error.data?.httpStatus : undefined;
  return typeof status === "number" && status < 500;
}

export function apiQuery<P extends ApiPath>(path: P, input: InputOf<P>, signal?: AbortSignal): Promise<OutputOf<P>> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return call(`${TRPC_PATH}/${path}${query}`, { signal });
}

export function apiMutation<P extends ApiPath>(path: P, input: InputOf<P>, signal?: AbortSignal): Promise<OutputOf<P>> {
  return call(`${TRPC_PATH}/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input ?? null), signal });
}

async function call<T>(url: string, init: RequestInit): Promise<T> {
  let body: { result?: { data: T }; error?: { data?: ErrorData } } | undefined;
  try {
    const response = await fetch(url, init);
    body = await response.json();
  } catch {
    throw new ApiCallError(undefined); // no answer, or not one from tRPC (a proxy's error page)
  }
  if (body?.error) throw new ApiCallError(body.error.data ?? { code: "INTERNAL_SERVER_ERROR" });
  if (!body?.result) throw new ApiCallError(undefined);
  return body.result.data;
}
