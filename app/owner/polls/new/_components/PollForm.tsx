"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { LIMITS } from "@/lib/limits";
import { resultsVisibilitySchema } from "@/lib/schemas";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { readApiError } from "../../../../_trpc/errors";
import { useTRPC } from "../../../../_trpc/react";
import { Field } from "../../../../_ui/Field";
import { Notice } from "../../../../_ui/Notice";
import { focusFirstInvalid } from "../../../_components/formErrors";
import { useRestaurant } from "../../../_components/useRestaurant";
import { kindHasOwnOptions, MAX_RANKED_OPTIONS } from "@/lib/pollKinds";
import { KindFields } from "./KindFields";
import { MenuOptionsPicker } from "./MenuOptionsPicker";
import { OptionsEditor } from "./OptionsEditor";
import { PromotionFields } from "./PromotionFields";
import { RatedDishesPicker } from "./RatedDishesPicker";
import { checkDraft, type DraftErrors, draftErrors, emptyDraft, type FieldProblem, hasErrors, type PollDraft } from "./pollDraft";

/**
 * Question, options (typed, or dishes from the menu), single or multiple choice, schedule (on the restaurant's
 * clock), results visibility and an optional promotion. Creates a draft poll, or with `pollId` saves an edited one.
 * Once a submit has found problems, the errors follow the draft: each one goes away as its field is fixed.
 */
export function PollForm({ pollId, initial }: { pollId?: string; initial?: PollDraft }) {
  const { t, tryAgain } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { timeZone } = useRestaurant();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<PollDraft>(initial ?? emptyDraft);
  const [checked, setChecked] = useState(false);
  const [serverErrors, setServerErrors] = useState<DraftErrors>({});
  const saved = async (poll: { id: string }) => {
    await queryClient.invalidateQueries(trpc.poll.pathFilter());
    router.push(`/owner/polls/${poll.id}`);
  };
  const onError = (error: unknown) => {
    const fields = readApiError(error).fields;
    if (fields) setServerErrors(draftErrors(Object.keys(fields).map((field) => ({ path: [field] }))));
  };
  const create = useMutation(trpc.poll.create.mutationOptions({ onSuccess: saved, onError }));
  const update = useMutation(trpc.poll.update.mutationOptions({ onSuccess: saved, onError }));
  const save = pollId ? update : create;
  const change = (patch: Partial<PollDraft>) => {
    setServerErrors({});
    setDraft((current) => ({ ...current, ...patch }));
  };
  const errors: DraftErrors = { ...(checked ? checkDraft(draft, timeZone).errors : {}), ...serverErrors };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    const { input, errors: found } = checkDraft(draft, timeZone);
    if (hasErrors(found)) return focusFirstInvalid(form.current);
    if (pollId) update.mutate({ ...input, pollId });
    else create.mutate(input);
  }

  const say = (problem: FieldProblem | undefined, invalid: string) => (problem === "required" ? t("common.required") : problem && invalid);
  const apiError = save.error && readApiError(save.error);
  return (
    <form ref={form} onSubmit={submit} noValidate className="stack poll-form">
      <h1>{t(pollId ? "edit.title" : "create.title")}</h1>
      {hasErrors(errors) && <Notice tone="error">{t("create.fixErrors")}</Notice>}
      {apiError && apiError.code !== "BAD_REQUEST" && (
        <Notice tone="error">
          {apiError.code === "TOO_MANY_REQUESTS" ? tryAgain(apiError.retryAfterSeconds)
            : apiError.code === "PRECONDITION_FAILED" ? t("edit.notDraft")
            : t(apiError.code === "NETWORK" ? "common.networkError" : "common.unexpectedError")}
        </Notice>
      )}
      <Field id="question" label={t("create.question")} value={draft.question} maxLength={LIMITS.questionLength} required
        placeholder={t("create.questionPlaceholder")} onChange={(e) => change({ question: e.target.value })}
        error={say(errors.question, t("create.error.question", { max: LIMITS.questionLength }))} />

      <KindFields draft={draft} onChange={change} />

      {kindHasOwnOptions(draft.kind) && (
        <>
          <MenuOptionsPicker options={draft.options} onChange={(options) => change({ options })} />
          <OptionsEditor options={draft.options} invalid={errors.options} countError={errors.optionCount} onChange={(options) => change({ options })}
            max={draft.kind === "ranking" ? MAX_RANKED_OPTIONS : LIMITS.maxOptions} />
        </>
      )}

      {draft.kind === "rating" && <RatedDishesPicker dishes={draft.ratedDishes} onChange={(ratedDishes) => change({ ratedDishes })} />}

      {draft.kind === "choice" && <fieldset className="stack">
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
      </fieldset>}

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

      <Field id="tableCards" type="number" inputMode="numeric" min={1} max={LIMITS.maxTableCards} label={t("presence.tableCardsCount")}
        hint={t("presence.tableCardsHint")} value={draft.tableCards} onChange={(e) => change({ tableCards: e.target.value })}
        error={errors.tableCards ? t("create.error.promotionQuantity", { max: LIMITS.maxTableCards }) : undefined} />

      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? t(pollId ? "edit.submitting" : "create.submitting") : t(pollId ? "edit.submit" : "create.submit")}
      </button>
    </form>
  );
}
