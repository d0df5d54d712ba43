"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import type { z } from "zod";
import type { MessageKey } from "@/lib/i18n";
import { readApiError, type ApiErrorCode } from "../../_trpc/errors";
import { useTRPC } from "../../_trpc/react";
import { focusFirstInvalid, invalidFields } from "./formErrors";
import { useAuthFailure } from "./useAuthFailure";

type AuthMutation<Input> = { mutate(input: Input, options: { onSuccess(): Promise<void> }): void; error: unknown; isPending: boolean };

/**
 * Sign-in and sign-up share one flow: check the form against the API's own zod schema (so the page marks the
 * same fields the server would refuse), send it, and on success refresh who is signed in and go to the dashboard.
 * `specific` names the failure messages particular to the form.
 */
export function useAuthForm<Schema extends z.ZodType>(
  schema: Schema,
  mutation: AuthMutation<z.infer<Schema>>,
  specific: Partial<Record<ApiErrorCode, MessageKey>>,
) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const failure = useAuthFailure(mutation.error ? readApiError(mutation.error) : null, specific);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = schema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) {
      setInvalid(invalidFields(parsed.error));
      return focusFirstInvalid(form.current);
    }
    setInvalid(new Set());
    mutation.mutate(parsed.data, {
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.auth.me.queryFilter());
        router.push("/owner");
      },
    });
  }

  return { form, invalid, failure, submit, pending: mutation.isPending };
}
