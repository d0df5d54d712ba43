import { createRequire } from "node:module";
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from "obscenity";

/**
 * Words kept off the screen's cloud (docs/adr/0029). English: obscenity's maintained English dataset with its
 * recommended transformers, which also catch spaced, repeated and look-alike spellings ("f4ck") without flagging
 * "assessment" or "Scunthorpe". Korean: the list of badwords-ko (Korean slang, initial-consonant spellings such as
 * "ㅅㅂ", and romanised keyboard spellings such as "tlqkf"); Korean compounds insults freely ("개새끼들"), so an
 * entry of two or more characters matches inside a word, while a one-character entry ("씹", "썅") only matches a
 * whole word, so "씹는" (chewy) is not flagged.
 */
const english = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

const require = createRequire(import.meta.url);
const { badWords } = require("badwords-ko/src/badwords.ko.config.json") as { badWords: string[] };

const koreanEntries = [...new Set(badWords.map((entry) => entry.trim().normalize("NFKC").toLowerCase()).filter((entry) => entry !== ""))];
const koreanWhole = new Set(koreanEntries.filter((entry) => [...entry].length === 1));
const koreanInside = koreanEntries.filter((entry) => [...entry].length > 1 && !entry.includes(" "));

/** Whether a word is profane in English or Korean (compared in NFKC, lower case, as the lists are). */
export function isProfane(raw: string): boolean {
  const word = raw.normalize("NFKC").toLowerCase();
  if (koreanWhole.has(word)) return true;
  for (const entry of koreanInside) if (word.includes(entry)) return true;
  return english.hasMatch(word);
}

/** Whether any part of a whole answer is profane: the owner's list marks such answers. */
export function hasProfanity(text: string): boolean {
  const normalized = text.normalize("NFKC").toLowerCase();
  if (english.hasMatch(normalized)) return true;
  for (const entry of koreanEntries) {
    if ([...entry].length > 1 ? normalized.includes(entry) : normalized.split(/\s+/).includes(entry)) return true;
  }
  return false;
}
