import { z } from "zod";
import { isCouponCode, normalizeCouponCode } from "./couponCode";
import { isCurrency } from "./currency";
import { LIMITS } from "./limits";
import { kindHasOwnOptions, MAX_RANKED_OPTIONS, MAX_RATED_DISHES, POLL_KINDS, type PollKind } from "./pollKinds";
import { isTimeZone } from "./timeZone";

/** Every boundary validates with these schemas: tRPC inputs on the server, forms in the browser. */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text as it can be stored: no NUL byte and no lone UTF-16 surrogate. Postgres refuses both, and it must be this
 * boundary that says so (400, the field named), not the database driver (500).
 */
export const storableText = () =>
  z.string().refine((text) => !text.includes("\u0000") && !LONE_SURROGATE.test(text), "contains a character that cannot be stored (a NUL byte or a broken emoji)");

/** A date the database and every page can represent: years 2000 to 9999. */
export const dateSchema = z.coerce
  .date()
  .min(new Date("2000-01-01T00:00:00Z"), "a date from the year 2000 on")
  .max(new Date("9999-12-31T23:59:59Z"), "a date before the year 10000");

export const idSchema = z.string().trim().min(1).max(LIMITS.idLength).regex(/^[A-Za-z0-9_-]+$/, "not an id");

export const resultsVisibilitySchema = z.enum(["live", "after_vote", "after_close"]);
export type ResultsVisibility = z.infer<typeof resultsVisibilitySchema>;

export const pollKindSchema = z.enum(POLL_KINDS);

export const pollStatusSchema = z.enum(["draft", "open", "closed"]);
export type PollStatus = z.infer<typeof pollStatusSchema>;

const emailSchema = z.email().max(LIMITS.emailLength).toLowerCase();
const newPasswordSchema = storableText()
  .min(LIMITS.passwordMin)
  .max(LIMITS.passwordMax)
  .refine((password) => password.trim() !== "", "a password needs more than spaces");
const currentPasswordSchema = storableText().min(1).max(LIMITS.passwordMax);

/** An IANA time zone this runtime knows, such as "Asia/Seoul". */
export const timeZoneSchema = z.string().max(64).refine(isTimeZone, "not a time zone");
/** An ISO 4217 currency code, such as "KRW". */
export const currencySchema = z.string().length(3).toUpperCase().refine(isCurrency, "not a currency");

export const signUpInput = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  name: storableText().trim().min(1).max(LIMITS.nameLength),
  restaurantName: storableText().trim().min(1).max(LIMITS.nameLength),
  /** From the browser at sign-up; changed later in the restaurant's settings. */
  timeZone: timeZoneSchema.optional(),
  currency: currencySchema.optional(),
});

export const restaurantSettingsInput = z.object({
  restaurantId: idSchema.optional(),
  name: storableText().trim().min(1).max(LIMITS.nameLength),
  currency: currencySchema,
  timeZone: timeZoneSchema,
});

export const requestPasswordResetInput = z.object({ email: emailSchema });
export const resetPasswordInput = z.object({ token: z.string().min(20).max(100), password: newPasswordSchema });
export const changeEmailInput = z.object({ email: emailSchema, password: currentPasswordSchema });
export const changePasswordInput = z.object({ currentPassword: currentPasswordSchema, newPassword: newPasswordSchema });

export const signInInput = z.object({
  email: emailSchema,
  password: currentPasswordSchema,
});

const optionInput = z.object({
  label: storableText().trim().min(1).max(LIMITS.optionLabelLength),
  menuItemId: idSchema.optional(),
});

/** A poll's own fields, as created and as edited while it is a draft. */
const pollFields = z.object({
  question: storableText().trim().min(1).max(LIMITS.questionLength),
  /** What the poll asks (lib/pollKinds.ts); existing polls and clients that do not say are `choice`. */
  kind: pollKindSchema.default("choice"),
  /**
   * Options of a choice or ranking poll. A rating poll's stars are made by the server: five for the poll, or five
   * per dish named here (dishes of the menu, to rate each); an open poll has none.
   */
  options: z.array(optionInput).max(LIMITS.maxOptions).default([]),
  /** A voter may change their ballot until the poll closes; the last one counts (docs/adr/0028). */
  changeableUntilClose: z.boolean().default(false),
  multipleChoice: z.boolean().default(false),
  maxChoices: z.number().int().min(1).max(LIMITS.maxOptions).optional(),
  opensAt: dateSchema.optional(),
  closesAt: dateSchema.optional(),
  resultsVisibility: resultsVisibilitySchema.default("live"),
  /** Stricter one-person-one-vote: only holders of one of this many printed ballot codes may vote. */
  ballotCodes: z.number().int().min(1).max(LIMITS.maxBallotCodes).optional(),
  /** First-come coupons for the first N voters; can also be attached to a draft later. */
  promotion: z.lazy(() => promotionInput).optional(),
  /** Only votes with the screen's room code or a table card count (ADR 0026). Unset: on for a poll with a promotion. */
  presenceRequired: z.boolean().optional(),
  /** Printed table cards, numbered 1..tableCards: a card's vote records its table. */
  tableCards: z.number().int().min(1).max(LIMITS.maxTableCards).optional(),
});

type PollRuleFields = { kind: PollKind; opensAt?: Date; closesAt?: Date; maxChoices?: number; multipleChoice: boolean; options: { menuItemId?: string }[] };

/**
 * A rating's options name no dish (five plain stars; labels sent are ignored, as ever) or are all different dishes
 * of the menu, at most MAX_RATED_DISHES (five stars each).
 */
const ratesDishes = (options: PollRuleFields["options"]) =>
  !options.some((o) => o.menuItemId) ||
  (options.length <= MAX_RATED_DISHES && options.every((o) => o.menuItemId) && new Set(options.map((o) => o.menuItemId)).size === options.length);

/** The rules between fields, shared by creating and editing. */
function withPollRules<Schema extends z.ZodType<PollRuleFields>>(schema: Schema) {
  return schema
    .refine((poll) => !kindHasOwnOptions(poll.kind) || poll.options.length >= LIMITS.minOptions, {
      message: `at least ${LIMITS.minOptions} options`,
      path: ["options"],
    })
    .refine((poll) => poll.kind !== "ranking" || poll.options.length <= MAX_RANKED_OPTIONS, {
      message: `a ranking orders at most ${MAX_RANKED_OPTIONS} options`,
      path: ["options"],
    })
    .refine((poll) => poll.kind !== "rating" || ratesDishes(poll.options), {
      message: `a rating per dish rates 1 to ${MAX_RATED_DISHES} different dishes of the menu, every option a dish`,
      path: ["options"],
    })
    .refine((poll) => poll.kind === "choice" || !poll.multipleChoice, {
      message: "only a choice poll takes several choices",
      path: ["multipleChoice"],
    })
    .refine((poll) => !poll.opensAt || !poll.closesAt || poll.opensAt < poll.closesAt, {
      message: "opensAt must be before closesAt",
      path: ["closesAt"],
    })
    .refine((poll) => !kindHasOwnOptions(poll.kind) || (poll.maxChoices ?? 1) <= poll.options.length, {
      message: "maxChoices cannot exceed the number of options",
      path: ["maxChoices"],
    })
    .refine((poll) => poll.multipleChoice || (poll.maxChoices ?? 1) === 1, {
      message: "a single-choice poll takes exactly one choice",
      path: ["maxChoices"],
    });
}

export const createPollInput = withPollRules(pollFields.extend({ restaurantId: idSchema.optional() }));
/** A draft's new fields, all of them (the edit form sends the whole poll); no promotion removes it. */
export const updatePollInput = withPollRules(pollFields.extend({ pollId: idSchema }));
export type UpdatePollInput = z.infer<typeof updatePollInput>;

/** Reopen a closed poll, or move an open one's closing time; null: open until closed by hand. */
export const reschedulePollInput = z.object({
  pollId: idSchema,
  closesAt: dateSchema.nullable(),
  /** Coupons of the poll's promotion stay valid until then (only ever later). */
  couponsValidUntil: dateSchema.optional(),
});

export const archivePollInput = z.object({ pollId: idSchema, archived: z.boolean() });

export type CreatePollInput = z.infer<typeof createPollInput>;

export const pollRefInput = z.union([z.object({ pollId: idSchema }), z.object({ slug: idSchema })]);

export const pollIdInput = z.object({ pollId: idSchema });

export const ballotCodeSchema = storableText().trim().max(20);

export const castVoteInput = z.object({
  pollId: idSchema,
  optionIds: z.array(idSchema).min(1).max(LIMITS.maxOptions),
  /** Required by polls with printed ballot codes; ignored by the others. */
  ballotCode: ballotCodeSchema.optional(),
  /** The room code on the restaurant's screen, typed or carried by its QR code (polls that require presence). */
  roomCode: z.string().trim().max(12).optional(),
  /** A printed table card's code, carried by its QR code. */
  tableCode: z.string().trim().max(20).optional(),
});

/** One word of an open poll's cloud and the number of visible answers that hold it. */
export type WordCount = [word: string, count: number];

/**
 * A poll's live tally. `seq` grows by one per accepted ballot, so a viewer can tell a newer tally from an older one.
 * An open poll has no options: `words` is its cloud (the most frequent words), `total` its visible answers, and
 * `seq` grows with every answer, change and moderation (docs/adr/0029).
 */
export type PollResults = { counts: Record<string, number>; total: number; seq: number; words?: WordCount[] };

/** `changed`: a poll whose ballots change until the close took this one in place of the voter's earlier one. */
export type VoteStatus = "accepted" | "changed" | "already_voted";

export const promotionInput = z.object({
  title: storableText().trim().min(1).max(LIMITS.promotionTitleLength),
  discount: storableText().trim().min(1).max(LIMITS.discountLength),
  quantity: z.number().int().min(1).max(LIMITS.maxCouponQuantity),
  validUntil: dateSchema,
});
export type PromotionInput = z.infer<typeof promotionInput>;

/** `presenceRequired`: as at creation, on unless the owner turns it off (docs/adr/0026). */
export const attachPromotionInput = promotionInput.extend({ pollId: idSchema, presenceRequired: z.boolean().optional() });

/** A day on the restaurant's calendar, as `<input type="date">` gives it. */
export const calendarDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date like 2026-12-24").refine((day) => !Number.isNaN(Date.parse(day)), "not a date");
/** The winner of a closed menu vote becomes the special for these days; `menuItemId` picks one of tied dishes. */
export const winnerSpecialInput = z.object({ startsOn: calendarDaySchema, endsOn: calendarDaySchema, menuItemId: idSchema.optional() });

/** A staff member's PIN at the counter tablet (docs/adr/0027). */
export const pinSchema = z.string().regex(/^\d{4,8}$/, "a PIN is 4 to 8 digits");
export const staffInviteCodeSchema = z.string().trim().min(10).max(40).regex(/^[A-Za-z0-9_-]+$/, "not an invite code");
const staffNameSchema = z.string().trim().min(1).max(LIMITS.nameLength);
export const inviteStaffInput = z.object({ restaurantId: idSchema.optional(), name: staffNameSchema });
export const enrolCounterInput = z.object({ restaurantId: idSchema.optional(), name: staffNameSchema });
export const acceptInviteInput = z.object({ code: staffInviteCodeSchema, pin: pinSchema });

/** A coupon code as typed or scanned at the counter, read leniently (lib/couponCode.ts). */
export const couponCodeInput = z.object({
  code: z
    .string()
    .max(LIMITS.couponCodeLength)
    .transform(normalizeCouponCode)
    .refine(isCouponCode, "not a coupon code: 12 letters and digits"),
});

const dishName = storableText().trim().max(LIMITS.menuItemNameLength).default("");
const menuItemFields = {
  /** The dish's name in English and in Korean: one of them at least (see `hasADishName`). */
  nameEn: dishName,
  nameKo: dishName,
  description: storableText().trim().max(LIMITS.menuItemDescriptionLength).default(""),
  priceCents: z.number().int().min(0).max(100_000_000),
  photoUrl: z
    .string()
    .max(300)
    .regex(/^\/(menu-photos|uploads)\/[A-Za-z0-9._-]+$/, "a photo from the menu library or an upload")
    .nullish(),
};
const hasADishName = (dish: { nameEn: string; nameKo: string }) => dish.nameEn !== "" || dish.nameKo !== "";
const noName = { message: "a dish needs a name", path: ["nameEn"] };
export const createMenuItemInput = z.object({ restaurantId: idSchema.optional(), ...menuItemFields }).refine(hasADishName, noName);
export const updateMenuItemInput = z.object({ menuItemId: idSchema, ...menuItemFields }).refine(hasADishName, noName);
export const menuItemIdInput = z.object({ menuItemId: idSchema });
export const restaurantRefInput = z.object({ restaurantId: idSchema.optional() }).optional();

/** A diner's free-text answer to an open poll, with the same proofs a vote carries. */
export const submitAnswerInput = z.object({
  pollId: idSchema,
  text: storableText().trim().min(1, "write an answer").max(LIMITS.answerLength),
  ballotCode: ballotCodeSchema.optional(),
  roomCode: z.string().trim().max(12).optional(),
  tableCode: z.string().trim().max(20).optional(),
});

/** A word of an open poll's cloud as the cloud shows it. */
export const cloudWordSchema = z.string().trim().min(1).max(LIMITS.answerLength);
export const hideWordInput = z.object({ pollId: idSchema, word: cloudWordSchema, hidden: z.boolean() });
export const hideAnswerInput = z.object({ pollId: idSchema, answerId: z.string().regex(/^\d{1,18}$/, "not an answer id"), hidden: z.boolean() });
export const listAnswersInput = z.object({
  pollId: idSchema,
  search: z.string().trim().max(LIMITS.answerLength).default(""),
  cursor: z.string().max(200).optional(),
});
