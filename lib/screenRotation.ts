/**
 * What the restaurant's self-running TV shows in turn (docs/adr/0030): each open poll, then the latest winner,
 * then today's specials; with none of them, a resting slide. Slides have stable ids, so a line-up that changes
 * keeps the slide on screen when it is still there.
 */
export type Slide =
  | { id: string; kind: "poll"; pollId: string; slug: string; screenKey: string | null }
  | { id: string; kind: "winner"; pollId: string; slug: string }
  | { id: "specials"; kind: "specials" }
  | { id: "idle"; kind: "idle" };

export type LineupForSlides = {
  polls: { id: string; slug: string; screenKey: string | null }[];
  winner: { id: string; slug: string } | null;
  specials: readonly unknown[];
};

export function slidesOf(lineup: LineupForSlides): Slide[] {
  const slides: Slide[] = lineup.polls.map((p) => ({ id: `poll:${p.id}`, kind: "poll", pollId: p.id, slug: p.slug, screenKey: p.screenKey }));
  if (lineup.winner) slides.push({ id: `winner:${lineup.winner.id}`, kind: "winner", pollId: lineup.winner.id, slug: lineup.winner.slug });
  if (lineup.specials.length > 0) slides.push({ id: "specials", kind: "specials" });
  return slides.length > 0 ? slides : [{ id: "idle", kind: "idle" }];
}

/** The slide after `currentId`, round the list; the first one when `currentId` has gone. */
export function nextSlideId(slides: readonly Slide[], currentId: string | null): string {
  const index = slides.findIndex((s) => s.id === currentId);
  return slides[(index + 1) % slides.length]!.id;
}

/**
 * News goes first: a poll that has just opened, or a winner that has just been decided, is shown at once rather
 * than at its turn. Null: nothing new (and nothing is news on the first line-up a TV sees).
 */
export function newsSlideId(before: readonly Slide[] | null, after: readonly Slide[]): string | null {
  if (!before) return null;
  const seen = new Set(before.map((s) => s.id));
  const fresh = after.filter((s) => !seen.has(s.id) && (s.kind === "winner" || s.kind === "poll"));
  return (fresh.find((s) => s.kind === "winner") ?? fresh.at(-1))?.id ?? null;
}

/** Seconds per slide from the TV link's `every` (3 to 600), 15 by default. */
export function slideSeconds(every: string | undefined): number {
  const seconds = Number(every);
  return Number.isFinite(seconds) && every ? Math.min(600, Math.max(3, Math.round(seconds))) : 15;
}
