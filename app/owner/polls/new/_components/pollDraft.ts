import { fromDateTimeLocalValue } from "@/lib/format";
import type { CreatePollInput, ResultsVisibility } from "@/lib/schemas";

/** One option as typed; `menuItemId` when it was added from the menu. `key` keeps its input stable when one is removed. */
export type OptionDraft = { key: number; label: string; menuItemId?: string };

/** First-come coupons, as typed; sent only when `enabled`. */
export type PromotionDraft = { enabled: boolean; title: string; discount: string; quantity: string; validUntil: string };

/** The poll form as typed: strings, as inputs hold them. */
export type PollDraft = {
  question: string;
  options: OptionDraft[];
  multipleChoice: boolean;
  maxChoices: string;
  opensAt: string;
  closesAt: string;
  resultsVisibility: ResultsVisibility;
  promotion: PromotionDraft;
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
  promotion: { enabled: false, title: "", discount: "", quantity: "10", validUntil: "" },
});

/** Adds a dish as an option, in the first empty option if there is one. */
export function withMenuOption(options: OptionDraft[], dish: { id: string; name: string }): OptionDraft[] {
  const empty = options.findIndex((o) => !o.label.trim() && !o.menuItemId);
  const option = { label: dish.name, menuItemId: dish.id };
  if (empty >= 0) return options.map((o, i) => (i === empty ? { ...o, ...option } : o));
  return [...options, { key: Math.max(0, ...options.map((o) => o.key)) + 1, ...option }];
}

/** What is wrong with a draft, by field; `options` holds the indexes of bad option labels. */
export type DraftErrors = {
  question?: true;
  optionCount?: true;
  options?: Set<number>;
  maxChoices?: true;
  opensAt?: true;
  closesAt?: "order" | "date";
  promotionTitle?: true;
  promotionDiscount?: true;
  promotionQuantity?: true;
  promotionValidUntil?: true;
};

/** The draft as `poll.create` input; a date that does not parse is reported rather than silently dropped. */
export function draftToInput(draft: PollDraft): { input: CreatePollInput; badDates: DraftErrors } {
  const badDates: DraftErrors = {};
  if (draft.opensAt && !fromDateTimeLocalValue(draft.opensAt)) badDates.opensAt = true;
  if (draft.closesAt && !fromDateTimeLocalValue(draft.closesAt)) badDates.closesAt = "date";
  const { promotion } = draft;
  if (promotion.enabled && !fromDateTimeLocalValue(promotion.validUntil)) badDates.promotionValidUntil = true;
  const input: CreatePollInput = {
    question: draft.question,
    options: draft.options.map((option) => ({ label: option.label, menuItemId: option.menuItemId })),
    multipleChoice: draft.multipleChoice,
    maxChoices: draft.multipleChoice && draft.maxChoices ? Number(draft.maxChoices) : undefined,
    opensAt: fromDateTimeLocalValue(draft.opensAt),
    closesAt: fromDateTimeLocalValue(draft.closesAt),
    resultsVisibility: draft.resultsVisibility,
    promotion: promotion.enabled
      ? {
          title: promotion.title,
          discount: promotion.discount,
          quantity: promotion.quantity.trim() ? Number(promotion.quantity) : Number.NaN,
          validUntil: fromDateTimeLocalValue(promotion.validUntil) ?? new Date(Number.NaN),
        }
      : undefined,
  };
  return { input, badDates };
}

const PROMOTION_FIELDS = { title: "promotionTitle", discount: "promotionDiscount", quantity: "promotionQuantity", validUntil: "promotionValidUntil" } as const;

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
    else if (field === "promotion" && typeof index === "string" && index in PROMOTION_FIELDS) {
      errors[PROMOTION_FIELDS[index as keyof typeof PROMOTION_FIELDS]] = true;
    }
  }
  return errors;
}

export const hasErrors = (errors: DraftErrors) => Object.keys(errors).length > 0;
