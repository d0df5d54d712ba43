"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { type ApiPath, apiQuery, type InputOf, isClientError, type OutputOf } from "./api";

type Options<P extends ApiPath> = {
  enabled?: boolean;
  /** Already known (rendered by the server): not asked again on arrival. */
  initialData?: OutputOf<P>;
  /** After each answer, when to ask again (ms), or false. */
  refetchEvery?: (data: OutputOf<P>) => number | false;
};

export type ApiQuery<T> = { data: T | undefined; error: unknown; isPending: boolean; refetch: () => Promise<void> };

const RETRIES = 3;

/**
 * A query of the diner's page: asked when enabled (and again when its input changes, or the diner comes back to
 * the tab), retried on a network failure or 5xx with growing pauses (a 4xx would answer the same), and kept until
 * the next answer. The few things React Query did for this page, without it (docs/adr/0023).
 */
export function useApiQuery<P extends ApiPath>(path: P, input: InputOf<P>, options: Options<P> = {}): ApiQuery<OutputOf<P>> {
  const { enabled = true, initialData, refetchEvery } = options;
  const key = `${path}:${JSON.stringify(input)}`;
  const [state, setState] = useState<{ key: string; data?: OutputOf<P>; error?: unknown }>({ key, data: initialData });
  const latest = useRef({ input, refetchEvery, asked: 0 });
  latest.current.input = input;
  latest.current.refetchEvery = refetchEvery;

  const refetch = useCallback(async () => {
    const asked = ++latest.current.asked;
    for (let failures = 0; ; failures++) {
      try {
        const data = await apiQuery(path, latest.current.input);
        if (asked === latest.current.asked) setState({ key, data });
        return;
      } catch (error) {
        if (asked !== latest.current.asked) return;
        if (isClientError(error) || failures >= RETRIES) return setState((now) => ({ key, data: now.key === key ? now.data : undefined, error }));
        await new Promise((resolve) => setTimeout(resolve, 1_000 * 2 ** failures));
        if (asked !== latest.current.asked) return;
      }
    }
  }, [path, key]);

  useEffect(() => {
    if (!enabled) return;
    if (initialData === undefined || state.key !== key) void refetch();
    const onReturn = () => document.visibilityState === "visible" && void refetch();
    document.addEventListener("visibilitychange", onReturn);
    return () => {
      document.removeEventListener("visibilitychange", onReturn);
      latest.current.asked++; // answers still on their way are for a page that moved on
    };
    // `initialData` and `state` are read at arrival only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, key, refetch]);

  const data = state.key === key ? state.data : undefined;
  useEffect(() => {
    const every = enabled && data !== undefined ? latest.current.refetchEvery?.(data) : false;
    if (!every) return;
    const timer = setTimeout(() => void refetch(), every);
    return () => clearTimeout(timer);
  }, [enabled, data, refetch]);

  const error = state.key === key ? state.error : undefined;
  return { data, error, isPending: data === undefined && error === undefined, refetch };
}
