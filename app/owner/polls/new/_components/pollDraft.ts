import { kindHasOwnOptions, type PollKind } from "@/lib/pollKinds";
import { type CreatePollInput, createPollInput, type ResultsVisibility } from "@/lib/schemas";
import { fromZonedInputValue, toZonedInputValue } from "@/lib/zonedTime";

/** One option as typed; `menuItemId` when it was added from the menu. `key` keeps its input stable when one is removed. */
export type OptionDraft = { key: number; label: string; menuItemId?: string };

/** A dish a rating poll rates, by its menu item and its name when picked. */
export type RatedDishDraft = { menuItemId: string; label: string };

/** First-come coupons, as typed; sent only when `enabled`. `presence`: only diners in the room may vote (on by default). */
export type PromotionDraft = { enabled: boolean; title: string; discount: string; quantity: string; validUntil: string; presence: boolean };

/** The poll form as typed: strings, as inputs hold them. */
export type PollDraft = {
  question: string;
  kind: PollKind;
  /** Voters may change their ballot until the poll closes. */
  changeableUntilClose: boolean;
  options: OptionDraft[];
  /** A rating per dish: the dishes of the menu each diner rates (none: the poll itself is rated). */
  ratedDishes: RatedDishDraft[];
  multipleChoice: boolean;
  maxChoices: string;
  opensAt: string;
  closesAt: string;
  resultsVisibility: ResultsVisibility;
  promotion: PromotionDraft;
  /** Printed table cards, as typed; empty: none. */
  tableCards: string;
};

export const emptyDraft = (): PollDraft => ({
  question: "",
  kind: "choice",
  changeableUntilClose: false,
  options: [
    { key: 1, label: "" },
    { key: 2, label: "" },
  ],
  ratedDishes: [],
  multipleChoice: false,
  maxChoices: "",
  opensAt: "",
  closesAt: "",
  resultsVisibility: "live",
  promotion: { enabled: false, title: "", discount: "", quantity: "10", validUntil: "", presence: true },
  tableCards: "",
});

/** A saved draft poll as the form shows it, times on the restaurant's clock. */
export function draftOfPoll(
  poll: {
    question: string;
    kind: PollKind;
    changeableUntilClose: boolean;
    options: { label: string; menuItemId: string | null }[];
    multipleChoice: boolean;
    maxChoices: number;
    opensAt: string | null;
    closesAt: string | null;
    resultsVisibility: ResultsVisibility;
    promotion: { title: string; discount: string; quantity: number; validUntil: string } | null;
    presenceRequired?: boolean;
    tableCards?: number | null;
  },
  timeZone: string,
): PollDraft {
  const local = (iso: string | null) => (iso ? toZonedInputValue(new Date(iso), timeZone) : "");
  return {
    question: poll.question,
    kind: poll.kind,
    changeableUntilClose: poll.changeableUntilClose,
    options: poll.kind === "rating" ? emptyDraft().options : poll.options.map((o, index) => ({ key: index + 1, label: o.label, menuItemId: o.menuItemId ?? undefined })),
    ratedDishes: poll.kind === "rating" ? poll.options.flatMap((o) => (o.menuItemId ? [{ menuItemId: o.menuItemId, label: o.label }] : [])) : [],
    multipleChoice: poll.multipleChoice,
    maxChoices: poll.multipleChoice ? String(poll.maxChoices) : "",
    opensAt: local(poll.opensAt),
    closesAt: local(poll.closesAt),
    resultsVisibility: poll.resultsVisibility,
    promotion: poll.promotion
      ? { enabled: true, ...poll.promotion, quantity: String(poll.promotion.quantity), validUntil: local(poll.promotion.validUntil), presence: poll.presenceRequired ?? true }
      : emptyDraft().promotion,
    tableCards: poll.tableCards ? String(poll.tableCards) : "",
  };
}

/** Adds a dish as an option, in the first empty option if there is one. */
export function withMenuOption(options: OptionDraft[], dish: { id: string; name: string }): OptionDraft[] {
  const empty = options.findIndex((o) => !o.label.trim() && !o.menuItemId);
  const option = { label: dish.name, menuItemId: dish.id };
  if (empty >= 0) return options.map((o, i) => (i === empty ? { ...o, ...option } : o));
  return [...options, { key: Math.max(0, ...options.map((o) => o.key)) + 1, ...option }];
}

/** Why a field is refused: left empty where something is required, or not acceptable as typed. */
export type FieldProblem = "required" | "invalid";

/** What is wrong with a draft, by field; `options` holds the problem of each bad option label, by index. */
export type DraftErrors = {
  question?: FieldProblem;
  optionCount?: true;
  options?: Map<number, FieldProblem>;
  maxChoices?: true;
  opensAt?: true;
  closesAt?: "order" | "date";
  promotionTitle?: FieldProblem;
  promotionDiscount?: FieldProblem;
  promotionQuantity?: FieldProblem;
  promotionValidUntil?: FieldProblem;
  tableCards?: true;
};

/** The draft as `poll.create` input, times read on the restaurant's clock; a date that does not parse is reported. */
export function draftToInput(draft: PollDraft, timeZone: string): { input: CreatePollInput; badDates: DraftErrors } {
  const badDates: DraftErrors = {};
  const at = (value: string) => fromZonedInputValue(value, timeZone);
  if (draft.opensAt && !at(draft.opensAt)) badDates.opensAt = true;
  if (draft.closesAt && !at(draft.closesAt)) badDates.closesAt = "date";
  const { promotion } = draft;
  if (promotion.enabled && !at(promotion.validUntil)) badDates.promotionValidUntil = promotion.validUntil ? "invalid" : "required";
  const input: CreatePollInput = {
    question: draft.question,
    kind: draft.kind,
    changeableUntilClose: draft.changeableUntilClose,
    options: kindHasOwnOptions(draft.kind)
      ? draft.options.map((option) => ({ label: option.label, menuItemId: option.menuItemId }))
      : draft.kind === "rating" ? draft.ratedDishes.map((dish) => ({ label: dish.label, menuItemId: dish.menuItemId })) : [],
    multipleChoice: draft.kind === "choice" && draft.multipleChoice,
    maxChoices: draft.kind === "choice" && draft.multipleChoice && draft.maxChoices ? Number(draft.maxChoices) : undefined,
    opensAt: at(draft.opensAt),
    closesAt: at(draft.closesAt),
    resultsVisibility: draft.resultsVisibility,
    promotion: promotion.enabled
      ? {
          title: promotion.title,
          discount: promotion.discount,
          quantity: promotion.quantity.trim() ? Number(promotion.quantity) : Number.NaN,
          validUntil: at(promotion.validUntil) ?? new Date(Number.NaN),
        }
      : undefined,
    presenceRequired: promotion.enabled ? promotion.presence : false,
    tableCards: draft.tableCards.trim() ? Number(draft.tableCards) : undefined,
  };
  return { input, badDates };
}

/** The draft checked with the API's own schema: its input when it is good, and what is wrong with it otherwise. */
export function checkDraft(draft: PollDraft, timeZone: string): { input: CreatePollInput; errors: DraftErrors } {
  const { input, badDates } = draftToInput(draft, timeZone);
  const parsed = createPollInput.safeParse(input);
  return { input, errors: { ...(parsed.success ? {} : draftErrors(parsed.error.issues, draft)), ...badDates } };
}

const PROMOTION_FIELDS = { title: "promotionTitle", discount: "promotionDiscount", quantity: "promotionQuantity", validUntil: "promotionValidUntil" } as const;

type Issue = { path: readonly PropertyKey[]; code?: string; origin?: string };

/** An empty text, or a number left blank, is "required"; anything else refused is "invalid". */
function problemOf(issue: Issue, typed?: string): FieldProblem {
  if (issue.code === "too_small" && issue.origin === "string") return "required";
  if (typed !== undefined && typed.trim() === "") return "required";
  return "invalid";
}

/** zod's complaints (the same schema the server uses, in the browser or from the server) as the form's field errors. */
export function draftErrors(issues: readonly Issue[], draft?: PollDraft): DraftErrors {
  const errors: DraftErrors = {};
  for (const issue of issues) {
    const [field, index] = issue.path;
    if (field === "question") errors.question = problemOf(issue);
    else if (field === "options" && typeof index === "number") (errors.options ??= new Map()).set(index, problemOf(issue));
    else if (field === "options") errors.optionCount = true;
    else if (field === "maxChoices") errors.maxChoices = true;
    else if (field === "closesAt") errors.closesAt = "order";
    else if (field === "opensAt") errors.opensAt = true;
    else if (field === "tableCards") errors.tableCards = true;
    else if (field === "promotion" && typeof index === "string" && index in PROMOTION_FIELDS) {
      const typed = index === "quantity" ? draft?.promotion.quantity : undefined;
      errors[PROMOTION_FIELDS[index as keyof typeof PROMOTION_FIELDS]] = problemOf(issue, typed);
    }
  }
  return errors;
}

export const hasErrors = (errors: DraftErrors) => Object.keys(errors).length > 0;
