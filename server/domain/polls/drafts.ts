import { kindHasOwnOptions, RATING_LABELS, RATING_STARS } from "@/lib/pollKinds";
import type { CreatePollInput, UpdatePollInput } from "@/lib/schemas";
import type { Db } from "../../infra/db/prisma";
import { DomainError } from "../errors";
import { newSlug } from "./slug";

type PollFields = Omit<CreatePollInput, "restaurantId" | "promotion">;

/** A poll's fields as the Poll row stores them. Presence, unless set, is required exactly when there is a promotion. */
export function pollRowFields(input: PollFields, hasPromotion: boolean) {
  const multipleChoice = input.kind === "choice" && input.multipleChoice;
  return {
    question: input.question,
    kind: input.kind,
    changeableUntilClose: input.changeableUntilClose,
    multipleChoice,
    maxChoices: multipleChoice ? (input.maxChoices ?? input.options.length) : 1,
    opensAt: input.opensAt ?? null,
    closesAt: input.closesAt ?? null,
    resultsVisibility: input.resultsVisibility,
    ballotCodes: input.ballotCodes ?? null,
    presenceRequired: input.presenceRequired ?? hasPromotion,
    tableCards: input.tableCards ?? null,
  };
}

/**
 * The Poll's option rows: the owner's for a choice or ranking poll, none for open text, and for a rating the five
 * stars, or five per dish (each carrying its dish and label) when the owner named dishes (lib/pollKinds.ts).
 */
export function optionRows(kind: CreatePollInput["kind"], options: CreatePollInput["options"]) {
  const own = kindHasOwnOptions(kind) ? options : kind === "rating" ? ratingOptions(options) : [];
  return own.map((o, position) => ({ label: o.label, menuItemId: o.menuItemId, position }));
}

function ratingOptions(options: CreatePollInput["options"]) {
  const dishes = options.filter((o) => o.menuItemId);
  if (dishes.length === 0) return RATING_LABELS.map((label) => ({ label, menuItemId: undefined }));
  return dishes.flatMap((dish) => RATING_LABELS.map(() => ({ label: dish.label, menuItemId: dish.menuItemId })));
}

/** A poll's options as the owner named them: a rating per dish's dishes (one per five stars), none for plain stars. */
export function ownOptions(kind: CreatePollInput["kind"], rows: readonly { label: string; menuItemId: string | null }[]) {
  const named = kind === "rating" ? rows.filter((o, i) => i % RATING_STARS === 0 && o.menuItemId) : rows;
  return named.map((o) => ({ label: o.label, menuItemId: o.menuItemId ?? undefined }));
}

/** Menu-vote options must come from the poll's own restaurant's menu. */
export async function assertDishesOfRestaurant(db: Pick<Db, "menuItem">, restaurantId: string, options: CreatePollInput["options"]) {
  const menuItemIds = options.flatMap((o) => (o.menuItemId ? [o.menuItemId] : []));
  if (menuItemIds.length === 0) return;
  const found = await db.menuItem.count({ where: { id: { in: menuItemIds }, restaurantId } });
  if (found !== new Set(menuItemIds).size) throw new DomainError("BAD_REQUEST", "a menu item is not on this restaurant's menu");
}

/**
 * Replaces everything a draft holds (question, options, settings, schedule, promotion) with the form's fields.
 * Under the poll's advisory lock, so an open racing the edit sees the draft wholly before or wholly after it;
 * once open, a poll's setup is fixed (its voters chose among those options).
 */
export async function updateDraft(db: Db, input: UpdatePollInput) {
  const { pollId, promotion, options, ...fields } = input;
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${pollId}, 0))`;
    const poll = await tx.poll.findUniqueOrThrow({ where: { id: pollId }, select: { status: true, restaurantId: true } });
    if (poll.status !== "draft") throw new DomainError("PRECONDITION_FAILED", "only a draft can be edited");
    await assertDishesOfRestaurant(tx, poll.restaurantId, options);
    // Options keep their ids by position (a fixed typo is the same option to a screen already showing the draft).
    const rows = optionRows(fields.kind, options);
    await tx.pollOption.deleteMany({ where: { pollId, position: { gte: rows.length } } });
    for (const row of rows) {
      await tx.pollOption.upsert({
        where: { pollId_position: { pollId, position: row.position } },
        create: { pollId, ...row },
        update: { label: row.label, menuItemId: row.menuItemId ?? null },
      });
    }
    await tx.poll.update({ where: { id: pollId }, data: pollRowFields({ ...fields, options }, Boolean(promotion)) });
    if (promotion) {
      const data = { ...promotion, remaining: promotion.quantity };
      await tx.promotion.upsert({ where: { pollId }, create: { pollId, ...data }, update: data });
    } else {
      await tx.promotion.deleteMany({ where: { pollId } });
    }
  });
  return { id: pollId };
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Everything a poll's owner sets up: what a copy takes, and what the edit form shows. */
const setupSelect = {
  question: true,
  kind: true,
  changeableUntilClose: true,
  multipleChoice: true,
  maxChoices: true,
  opensAt: true,
  closesAt: true,
  resultsVisibility: true,
  ballotCodes: true,
  presenceRequired: true,
  tableCards: true,
  options: { select: { label: true, menuItemId: true }, orderBy: { position: "asc" } },
  promotion: { select: { title: true, discount: true, quantity: true, validUntil: true } },
} as const;

/**
 * A new draft with the poll's question, options, settings and promotion terms, whatever state the poll is in.
 * Times already past are not copied (a schedule is cleared; a promotion's validity becomes a week from now, as
 * the form suggests), so the copy can open as it is.
 */
export async function duplicatePoll(db: Db, pollId: string, now = new Date()) {
  const poll = await db.poll.findUniqueOrThrow({
    where: { id: pollId },
    select: { restaurantId: true, ...setupSelect },
  });
  const future = (date: Date | null) => (date && date > now ? date : null);
  const { options, promotion, ...fields } = poll;
  return db.poll.create({
    data: {
      ...fields,
      opensAt: future(poll.opensAt),
      closesAt: future(poll.closesAt),
      slug: newSlug(),
      options: { create: optionRows(poll.kind, ownOptions(poll.kind, options)) },
      promotion: promotion
        ? { create: { ...promotion, remaining: promotion.quantity, validUntil: future(promotion.validUntil) ?? new Date(now.getTime() + WEEK_MS) } }
        : undefined,
    },
    select: { id: true },
  });
}

/** A draft as its edit form needs it. */
export async function readDraft(db: Db, pollId: string) {
  const poll = await db.poll.findUniqueOrThrow({
    where: { id: pollId },
    select: { status: true, ...setupSelect },
  });
  if (poll.status !== "draft") throw new DomainError("PRECONDITION_FAILED", "only a draft can be edited");
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    ...poll,
    options: ownOptions(poll.kind, poll.options).map((o) => ({ label: o.label, menuItemId: o.menuItemId ?? null })),
    opensAt: iso(poll.opensAt),
    closesAt: iso(poll.closesAt),
    promotion: poll.promotion && { ...poll.promotion, validUntil: poll.promotion.validUntil.toISOString() },
  };
}
