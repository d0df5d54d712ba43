"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import type { z } from "zod";
import type { MessageKey } from "@/lib/i18n";
import { safeNextPath } from "@/lib/nextPath";
import { readApiError, type ApiErrorCode } from "../../_trpc/errors";
import { useTRPC } from "../../_trpc/react";
import { focusFirstInvalid, type FieldProblems, fieldProblems } from "./formErrors";
import { useAuthFailure } from "./useAuthFailure";

type AuthMutation<Input> = { mutate(input: Input, options: { onSuccess(): Promise<void> }): void; error: unknown; isPending: boolean };

type Options = {
  /** Failure messages particular to the form. */
  specific: Partial<Record<ApiErrorCode, MessageKey>>;
  /** Where to go once signed in (a same-site path, see safeNextPath). */
  next?: string;
  /** Fields sent besides the form's own (the browser's time zone at sign-up). */
  extra?: () => Record<string, string>;
};

/**
 * Sign-in and sign-up share one flow: check the form against the API's own zod schema (so the page marks the
 * same fields the server would refuse), send it, and on success refresh who is signed in and go on to the page
 * that was asked for. After a first submit the marks follow the fields as they are edited.
 */
export function useAuthForm<Schema extends z.ZodType>(schema: Schema, mutation: AuthMutation<z.infer<Schema>>, options: Options) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [checked, setChecked] = useState(false);
  const [invalid, setInvalid] = useState<FieldProblems>(new Map());
  const failure = useAuthFailure(mutation.error ? readApiError(mutation.error) : null, options.specific);

  const read = (element: HTMLFormElement) => {
    const values = Object.fromEntries(new FormData(element)) as Record<string, string>;
    return { values, parsed: schema.safeParse({ ...values, ...options.extra?.() }) };
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    const { values, parsed } = read(event.currentTarget);
    if (!parsed.success) {
      setInvalid(fieldProblems(parsed.error, values));
      return focusFirstInvalid(form.current);
    }
    setInvalid(new Map());
    mutation.mutate(parsed.data, {
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.auth.me.queryFilter());
        router.push(safeNextPath(options.next));
      },
    });
  }

  function edited(event: FormEvent<HTMLFormElement>) {
    if (!checked) return;
    const { values, parsed } = read(event.currentTarget);
    setInvalid(parsed.success ? new Map() : fieldProblems(parsed.error, values));
  }

  return { form, invalid, failure, submit, edited, pending: mutation.isPending };
}
