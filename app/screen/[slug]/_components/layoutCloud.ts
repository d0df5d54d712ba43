import type { WordCount } from "@/lib/schemas";

export type PlacedWord = { text: string; x: number; y: number; size: number; color: string };

/** Light colours on the screen's dark blue, each above 7:1 contrast. */
const COLORS = ["#fbbf24", "#f9fafb", "#93c5fd", "#fca5a5", "#86efac", "#f0abfc"];

/** Sizes as a share of the cloud's height: the smallest stays readable across a room (ADR 0021: 3% of the screen). */
const MIN_SHARE = 0.055;
const MAX_SHARE = 0.2;

/** A small seeded generator: the same words land in the same places, so a relayout moves little. */
function seeded(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/**
 * Places the words in a box with d3-cloud (loaded on demand: it measures text on a canvas, so it runs in the
 * browser only). Font size grows with the square root of the count; horizontal words only, for reading at a
 * distance. Words that do not fit are left out.
 */
export async function layoutCloud(words: readonly WordCount[], [width, height]: [number, number], font: string): Promise<PlacedWord[]> {
  const { default: cloud } = await import("d3-cloud");
  const most = Math.max(1, ...words.map(([, count]) => count));
  const least = Math.min(most, ...words.map(([, count]) => count));
  const span = Math.sqrt(most) - Math.sqrt(least) || 1;
  const sizeOf = (count: number) => Math.round(height * (MIN_SHARE + (MAX_SHARE - MIN_SHARE) * ((Math.sqrt(count) - Math.sqrt(least)) / span)));
  return new Promise((resolve) => {
    cloud()
      .size([width, height])
      .words(words.map(([text, count], index) => ({ text, size: sizeOf(count), index })))
      .padding(Math.max(2, Math.round(height * 0.01)))
      .rotate(0)
      .font(font)
      .fontWeight(800)
      .fontSize((word) => word.size ?? 0)
      .random(seeded(words.length * 7919 + 17))
      .on("end", (placed) =>
        resolve(
          placed.map((word, i) => ({ text: word.text ?? "", x: word.x ?? 0, y: word.y ?? 0, size: word.size ?? 0, color: COLORS[i % COLORS.length] })),
        ),
      )
      .start();
  });
}
