"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { LIMITS } from "@/lib/limits";
import { createPollInput, resultsVisibilitySchema } from "@/lib/schemas";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { readApiError } from "../../../../_trpc/errors";
import { useTRPC } from "../../../../_trpc/react";
import { Field } from "../../../../_ui/Field";
import { Notice } from "../../../../_ui/Notice";
import { focusFirstInvalid } from "../../../_components/formErrors";
import { MenuOptionsPicker } from "./MenuOptionsPicker";
import { OptionsEditor } from "./OptionsEditor";
import { PromotionFields } from "./PromotionFields";
import { type DraftErrors, draftErrors, draftToInput, emptyDraft, hasErrors, type PollDraft } from "./pollDraft";

/**
 * Question, options (typed, or dishes from the menu), single or multiple choice, schedule, results visibility and
 * an optional promotion; creates a draft poll.
 */
export function PollForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<PollDraft>(emptyDraft);
  const [errors, setErrors] = useState<DraftErrors>({});
  const create = useMutation(
    trpc.poll.create.mutationOptions({
      onSuccess: async (poll) => {
        await queryClient.invalidateQueries(trpc.poll.mine.queryFilter());
        router.push(`/owner/polls/${poll.id}`);
      },
      onError: (error) => {
        const fields = readApiError(error).fields;
        if (fields) setErrors(draftErrors(Object.keys(fields).map((field) => ({ path: [field] }))));
      },
    }),
  );
  const change = (patch: Partial<PollDraft>) => setDraft((current) => ({ ...current, ...patch }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { input, badDates } = draftToInput(draft);
    const parsed = createPollInput.safeParse(input);
    const found = { ...(parsed.success ? {} : draftErrors(parsed.error.issues)), ...badDates };
    setErrors(found);
    if (hasErrors(found) || !parsed.success) return focusFirstInvalid(form.current);
    create.mutate(input);
  }

  const apiError = create.error && readApiError(create.error);
  return (
    <form ref={form} onSubmit={submit} noValidate className="stack poll-form">
      <h1>{t("create.title")}</h1>
      {hasErrors(errors) && <Notice tone="error">{t("create.fixErrors")}</Notice>}
      {apiError && apiError.code !== "BAD_REQUEST" && (
        <Notice tone="error">
          {apiError.code === "TOO_MANY_REQUESTS"
            ? t("common.tooFast", { seconds: apiError.retryAfterSeconds ?? 5 })
            : t(apiError.code === "NETWORK" ? "common.networkError" : "common.unexpectedError")}
        </Notice>
      )}
      <Field id="question" label={t("create.question")} value={draft.question} maxLength={LIMITS.questionLength} required
        placeholder={t("create.questionPlaceholder")} onChange={(e) => change({ question: e.target.value })}
        error={errors.question ? t("create.error.question", { max: LIMITS.questionLength }) : undefined} />

      <MenuOptionsPicker options={draft.options} onChange={(options) => change({ options })} />
      <OptionsEditor options={draft.options} invalid={errors.options} countError={errors.optionCount} onChange={(options) => change({ options })} />

      <fieldset className="stack">
        <legend>{t("create.choice")}</legend>
        <div className="choice-row">
          {([false, true] as const).map((multiple) => (
            <label key={String(multiple)} className="radio">
              <input type="radio" name="multipleChoice" checked={draft.multipleChoice === multiple} onChange={() => change({ multipleChoice: multiple })} />
              {t(multiple ? "create.multiple" : "create.single")}
            </label>
          ))}
        </div>
        {draft.multipleChoice && (
          <Field id="maxChoices" type="number" inputMode="numeric" min={1} max={draft.options.length} label={t("create.maxChoices")}
            value={draft.maxChoices} placeholder={String(draft.options.length)} onChange={(e) => change({ maxChoices: e.target.value })}
            error={errors.maxChoices ? t("create.error.maxChoices") : undefined} className="field--short" />
        )}
      </fieldset>

      <fieldset className="stack">
        <legend>{t("create.schedule")}</legend>
        <p className="field__hint">{t("create.scheduleHint")}</p>
        <div className="choice-row">
          <Field id="opensAt" type="datetime-local" label={t("create.opensAt")} value={draft.opensAt}
            onChange={(e) => change({ opensAt: e.target.value })} error={errors.opensAt ? t("create.error.date") : undefined} />
          <Field id="closesAt" type="datetime-local" label={t("create.closesAt")} value={draft.closesAt}
            onChange={(e) => change({ closesAt: e.target.value })}
            error={errors.closesAt ? t(errors.closesAt === "date" ? "create.error.date" : "create.error.closesAt") : undefined} />
        </div>
      </fieldset>

      <fieldset className="stack">
        <legend>{t("create.visibility")}</legend>
        {resultsVisibilitySchema.options.map((visibility) => (
          <label key={visibility} className="radio">
            <input type="radio" name="resultsVisibility" checked={draft.resultsVisibility === visibility}
              onChange={() => change({ resultsVisibility: visibility })} />
            {t(`create.visibility.${visibility}`)}
          </label>
        ))}
      </fieldset>

      <PromotionFields promotion={draft.promotion} errors={errors} onChange={(promotion) => change({ promotion })} />

      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? t("create.submitting") : t("create.submit")}
      </button>
    </form>
  );
}
