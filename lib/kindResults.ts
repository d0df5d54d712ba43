import { type PollKind, RATING_STARS, ratingGroups } from "./pollKinds";
import type { PollResults } from "./schemas";
import { type Standing, standingsOf } from "./standings";

type Option = { id: string; label: string; menuItemId?: string | null };

export type RatingSummary = {
  /** Ballots: each rates once. */
  count: number;
  /** Mean stars, 0 before the first rating. */
  average: number;
  /** Five stars first: how many gave each, and their part of all ratings (0 to 1). */
  distribution: { stars: number; count: number; share: number }[];
};

/** A rating poll's options are the stars, lowest first (lib/pollKinds.ts): option i is i + 1 stars. */
export function ratingOf(options: readonly Option[], results: PollResults | null): RatingSummary {
  const counts = Array.from({ length: RATING_STARS }, (_, i) => (options[i] && results?.counts[options[i].id]) || 0);
  const count = counts.reduce((sum, n) => sum + n, 0);
  const stars = counts.reduce((sum, n, i) => sum + n * (i + 1), 0);
  return {
    count,
    average: count > 0 ? stars / count : 0,
    distribution: counts.map((n, i) => ({ stars: i + 1, count: n, share: count > 0 ? n / count : 0 })).reverse(),
  };
}

/** One rated dish: its first option stands for it (label, menuItemId); `stars` are its five options, one star first. */
export type DishRating<O extends Option> = { dish: O; stars: O[]; rating: RatingSummary };

/**
 * A rating per dish: each dish with its own summary.
 * A plain rating has one group without a dish; the screens tell them apart with `isRatingPerDish`.
 */
export function dishRatingsOf<O extends Option>(options: readonly O[], results: PollResults | null): DishRating<O>[] {
  return ratingGroups(options).map((stars) => ({ dish: stars[0], stars, rating: ratingOf(stars, results) }));
}

/** Whether a rating poll's options are dishes' stars (each option carries its dish) rather than five plain stars. */
export const isRatingPerDish = (options: readonly Option[]) =>
  options.length > RATING_STARS || options.some((o) => o.menuItemId);

/**
 * Options as a list, legend or CSV names them one by one: a rating per dish's option reads "Bibimbap ★4" (its dish
 * and its stars); every other option keeps its label.
 */
export function withStarLabels<O extends Option>(kind: PollKind, options: readonly O[]): O[] {
  if (kind !== "rating" || !isRatingPerDish(options)) return [...options];
  return options.map((option, i) => ({ ...option, label: `${option.label} ★${(i % RATING_STARS) + 1}` }));
}

export type RankedOption = Option & { points: number; place: number; share: number };

/**
 * A ranking's current order: options by Borda points, most first (ties share a place, in the poll's order), with
 * each option's part of the most points for drawing bars.
 */
export function rankingOf(options: readonly Option[], results: PollResults | null): RankedOption[] {
  const withPoints = options.map((option, index) => ({ ...option, index, points: results?.counts[option.id] ?? 0 }));
  withPoints.sort((a, b) => b.points - a.points || a.index - b.index);
  const most = Math.max(0, ...withPoints.map((o) => o.points));
  return withPoints.map(({ index: _index, ...option }, i, all) => ({
    ...option,
    place: i > 0 && all[i - 1].points === option.points ? placeOf(all, i) : i + 1,
    share: most > 0 ? option.points / most : 0,
  }));
}

function placeOf(sorted: readonly { points: number }[], i: number): number {
  let first = i;
  while (first > 0 && sorted[first - 1].points === sorted[i].points) first--;
  return first + 1;
}

/**
 * Rows for the owner's and the diner's result bars: a rating's stars (five first, with their counts), a ranking's
 * options in their current order (with their points), or a choice poll's options.
 */
export function kindStandings(kind: PollKind, options: readonly Option[], results: PollResults | null): Standing[] {
  if (kind === "rating") {
    return ratingOf(options, results).distribution.map((row) => ({
      id: options[row.stars - 1]?.id ?? String(row.stars),
      label: "★".repeat(row.stars),
      count: row.count,
      share: row.share,
      leading: false,
    }));
  }
  if (kind === "ranking") {
    const order = rankingOf(options, results);
    const points = order.reduce((sum, o) => sum + o.points, 0);
    return order.map((o) => ({ id: o.id, label: `${o.place}. ${o.label}`, count: o.points, share: points > 0 ? o.points / points : 0, leading: o.place === 1 && o.points > 0 }));
  }
  return standingsOf(options, results);
}
