import { withoutParticles } from "./koreanParticles";
import { isProfane } from "./profanity";
import { STOP_WORDS } from "./stopWords";

/** A word longer than this is not a word of a cloud (a pasted link, a run of letters). */
export const MAX_WORD_LENGTH = 24;

const segmenter = new Intl.Segmenter("ko", { granularity: "word" });
const HAS_LETTER = /\p{L}/u;
/** Lone jamo ("ㅋㅋㅋ", "ㅠㅠ") are laughter and tears, not words; NFKC turns them into conjoining jamo. */
const JAMO_ONLY = /^[\u1100-\u11FF\u3130-\u318F]+$/u;
const LATIN_ONLY = /^[\p{Script=Latin}\d'’-]+$/u;

/**
 * The words an open answer adds to the cloud, each once (an answer repeating "pizza pizza" counts one "pizza").
 * Unicode word segmentation (`Intl.Segmenter`, word-like segments), then per word: NFKC (full-width letters become
 * ASCII), lower case, possessive 's off, Korean particles off (koreanParticles.ts), then out go stop words, words
 * without a letter ("2024"), lone jamo ("ㅋㅋ"), one-letter Latin words, over-long words and profane ones (profanity.ts).
 */
export function countedWords(text: string): string[] {
  const words = new Set<string>();
  for (const { segment, isWordLike } of segmenter.segment(text.normalize("NFKC"))) {
    if (!isWordLike) continue;
    const word = normalizeWord(segment);
    if (word !== null) words.add(word);
  }
  return [...words];
}

/** One segment as the cloud counts it, or null when it does not count. */
export function normalizeWord(segment: string): string | null {
  let word = segment.normalize("NFKC").toLowerCase().replace(/[’]/g, "'");
  if (LATIN_ONLY.test(word)) word = word.replace(/'s$/, "").replace(/^'+|'+$/g, "");
  else word = withoutParticles(word);
  if (!HAS_LETTER.test(word) || JAMO_ONLY.test(word) || [...word].length > MAX_WORD_LENGTH) return null;
  if (LATIN_ONLY.test(word) && word.length < 2) return null;
  if (STOP_WORDS.has(word) || isProfane(word)) return null;
  return word;
}
