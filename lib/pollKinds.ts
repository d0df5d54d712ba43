/**
 * What a poll asks (docs/adr/0028). Every kind is counted through the same tally (option id -> number), so the
 * engines, the live fan-out, snapshots and the CSV carry every kind:
 * - `choice`: pick one or several options; an option's number is its votes.
 * - `rating`: 1 to 5 stars; the server makes five options labelled "1".."5", a ballot picks one. Rated per dish
 *   (the owner names up to six dishes of the menu): five options per dish, each carrying the dish's menuItemId and
 *   label, a ballot picks one option of each dish it rates.
 * - `ranking`: order up to six options; a ballot lists option ids best first, an option's number is its Borda points.
 * - `open`: free text; no options.
 */
export const POLL_KINDS = ["choice", "rating", "ranking", "open"] as const;
export type PollKind = (typeof POLL_KINDS)[number];

export const RATING_STARS = 5;
/** The option labels of a rating poll, lowest first: option position p is p + 1 stars. */
export const RATING_LABELS: readonly string[] = Array.from({ length: RATING_STARS }, (_, i) => String(i + 1));

export const MAX_RANKED_OPTIONS = 6;
/** Dishes one rating poll rates at most: six star rows still fit a phone's screen. */
export const MAX_RATED_DISHES = 6;

/**
 * A rating poll's options as its rated things, each with its five options, one star first: one group for a plain
 * rating, one per dish for a rating per dish. Option position p is dish floor(p / 5), p % 5 + 1 stars.
 */
export function ratingGroups<Option>(options: readonly Option[]): Option[][] {
  const groups: Option[][] = [];
  for (let i = 0; i < options.length; i += RATING_STARS) groups.push(options.slice(i, i + RATING_STARS));
  return groups;
}

/** Kinds whose options the owner writes (a rating's are made by the server, an open answer has none). */
export const kindHasOwnOptions = (kind: PollKind) => kind === "choice" || kind === "ranking";

/**
 * How many points a ballot's k-th option (k from 1) brings: 1 each, or on a ranking Borda points, `rankBase - k + 1`
 * with `rankBase` the poll's number of options (the first of n gets n). The engines count the same way
 * (castVote.lua, tableside_ballot_points).
 */
export const rankBase = (kind: PollKind, optionCount: number) => (kind === "ranking" ? optionCount : 0);
export const pointsAt = (base: number, k: number) => (base > 0 ? base - k + 1 : 1);
