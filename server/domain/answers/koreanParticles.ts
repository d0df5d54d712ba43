/**
 * Korean writes a noun and its particle as one word ("김치찌개가", "피자를"), so an open answer's words are counted
 * without the particle: "김치찌개가" and "김치찌개는" are one word of the cloud. The rule (docs/adr/0029):
 * - only words written wholly in Hangul syllables lose a particle; at most two are taken off ("김치에도" → "김치");
 * - a particle that follows only a closed syllable (은, 을, 이, 과, 으로, 이랑) or only an open one (는, 를, 가, 와,
 *   로, 랑) is taken off only after such a syllable, as the grammar attaches it ("고기를" → "고기", "떡을" → "떡");
 * - a one-syllable particle leaves at least two syllables ("사과" stays, "포도" stays), a two-syllable one at least
 *   one ("집에서" → "집");
 * - a few dishes that end in a particle's syllable are kept whole (KEEP_WHOLE: "떡볶이", "계란말이").
 * No dictionary: verbs and adjectives keep their endings ("맛있어요").
 */

type Particle = { text: string; after: "closed" | "open" | "any"; minRest: number };

const PARTICLES: readonly Particle[] = [
  { text: "으로", after: "closed", minRest: 1 },
  { text: "에서", after: "any", minRest: 1 },
  { text: "에게", after: "any", minRest: 1 },
  { text: "까지", after: "any", minRest: 1 },
  { text: "부터", after: "any", minRest: 1 },
  { text: "이랑", after: "closed", minRest: 1 },
  { text: "하고", after: "any", minRest: 2 },
  { text: "은", after: "closed", minRest: 2 },
  { text: "는", after: "open", minRest: 2 },
  { text: "이", after: "closed", minRest: 2 },
  { text: "가", after: "open", minRest: 2 },
  { text: "을", after: "closed", minRest: 2 },
  { text: "를", after: "open", minRest: 2 },
  { text: "과", after: "closed", minRest: 2 },
  { text: "와", after: "open", minRest: 2 },
  { text: "로", after: "open", minRest: 2 },
  { text: "랑", after: "open", minRest: 2 },
  { text: "에", after: "any", minRest: 2 },
  { text: "의", after: "any", minRest: 2 },
  { text: "도", after: "any", minRest: 2 },
];

/** Dishes whose last syllable is also a particle's, kept whole. */
const KEEP_WHOLE = new Set(["떡볶이", "계란말이", "달걀말이", "김말이", "오징어", "고양이", "누룽지", "샌드위치"]);

const HANGUL_SYLLABLES = /^[\uAC00-\uD7A3]+$/;
const SYLLABLE_BASE = 0xac00;
const FINALS = 28;

/** A syllable ending in a consonant (받침). 로 and 으로 treat a final ㄹ as open: "물로", "쌀로". */
function isClosed(syllable: string, forRo: boolean): boolean {
  const final = (syllable.charCodeAt(0) - SYLLABLE_BASE) % FINALS;
  if (forRo && final === 8) return false; // ㄹ
  return final !== 0;
}

function stripOne(word: string): string | null {
  if (KEEP_WHOLE.has(word)) return null;
  for (const particle of PARTICLES) {
    if (!word.endsWith(particle.text)) continue;
    const rest = word.slice(0, -particle.text.length);
    if (rest.length < particle.minRest) continue;
    const last = rest[rest.length - 1];
    const forRo = particle.text === "로" || particle.text === "으로";
    if (particle.after === "closed" && !isClosed(last, forRo)) continue;
    if (particle.after === "open" && isClosed(last, forRo)) continue;
    return rest;
  }
  return null;
}

/** The word without its trailing particles, by the rule above; other words unchanged. */
export function withoutParticles(word: string): string {
  if (!HANGUL_SYLLABLES.test(word)) return word;
  let current = word;
  for (let pass = 0; pass < 2; pass++) {
    const stripped = stripOne(current);
    if (stripped === null) break;
    current = stripped;
  }
  return current;
}
