import { fromDateTimeLocalValue } from "@/lib/format";
import type { CreatePollInput, ResultsVisibility } from "@/lib/schemas";

/** The poll form as typed: strings, as inputs hold them. `key` keeps each option's input stable when one is removed. */
export type PollDraft = {
  question: string;
  options: { key: number; label: string }[];
  multipleChoice: boolean;
  maxChoices: string;
  opensAt: string;
  closesAt: string;
  resultsVisibility: ResultsVisibility;
};

export const emptyDraft = (): PollDraft => ({
  question: "",
  options: [
    { key: 1, label: "" },
    { key: 2, label: "" },
  ],
  multipleChoice: false,
  maxChoices: "",
  opensAt: "",
  closesAt: "",
  resultsVisibility: "live",
});

/** What is wrong with a draft, by field; `options` holds the indexes of bad option labels. */
export type DraftErrors = {
  question?: true;
  optionCount?: true;
  options?: Set<number>;
  maxChoices?: true;
  opensAt?: true;
  closesAt?: "order" | "date";
};

/** The draft as `poll.create` input; a date that does not parse is reported rather than silently dropped. */
export function draftToInput(draft: PollDraft): { input: CreatePollInput; badDates: DraftErrors } {
  const badDates: DraftErrors = {};
  if (draft.opensAt && !fromDateTimeLocalValue(draft.opensAt)) badDates.opensAt = true;
  if (draft.closesAt && !fromDateTimeLocalValue(draft.closesAt)) badDates.closesAt = "date";
  const input: CreatePollInput = {
    question: draft.question,
    options: draft.options.map((option) => ({ label: option.label })),
    multipleChoice: draft.multipleChoice,
    maxChoices: draft.multipleChoice && draft.maxChoices ? Number(draft.maxChoices) : undefined,
    opensAt: fromDateTimeLocalValue(draft.opensAt),
    closesAt: fromDateTimeLocalValue(draft.closesAt),
    resultsVisibility: draft.resultsVisibility,
  };
  return { input, badDates };
}

/** zod's complaints (the same schema the server uses, in the browser or from the server) as the form's field errors. */
export function draftErrors(issues: readonly { path: readonly PropertyKey[] }[]): DraftErrors {
  const errors: DraftErrors = {};
  for (const issue of issues) {
    const [field, index] = issue.path;
    if (field === "question") errors.question = true;
    else if (field === "options" && typeof index === "number") (errors.options ??= new Set()).add(index);
    else if (field === "options") errors.optionCount = true;
    else if (field === "maxChoices") errors.maxChoices = true;
    else if (field === "closesAt") errors.closesAt = "order";
    else if (field === "opensAt") errors.opensAt = true;
  }
  return errors;
}

export const hasErrors = (errors: DraftErrors) => Object.keys(errors).length > 0;
