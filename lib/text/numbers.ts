import { fold, stem } from "./normalize";

/** The quantities a sentence states, by what they count, so that two sources can be seen to disagree. */

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};

/** Words between a number and what it counts ("32 of the members"). */
const SKIP = new Set(["of", "the", "a", "an", "its", "their", "new", "full", "member-", "in", "per"]);

/** An acronym ("32 NATO members", "400,000 US troops") names whose the things are, not what they are. */
const ACRONYM = /^\p{Lu}{2,}$/u;

/** "thirty-two" → 32; null when the word is not a number written out. */
export function wordNumber(word: string): number | null {
  let total = 0;
  for (const p of word.toLowerCase().split("-")) {
    if (!(p in WORDS)) return null;
    total += WORDS[p];
  }
  return total;
}

/** "1,000" → 1000, "2.5" → 2.5, "thirty-two" → 32; null when the token is not a number. */
function parseNumber(token: string): number | null {
  const digits = token.replace(/,(?=\d{3}\b)/g, "").replace(/,$/, "");
  if (/^\d+(\.\d+)?$/.test(digits)) return Number(digits);
  return wordNumber(token);
}

/** The numbers a text states, digits or words ("32", "1,000", "thirty-two"). */
export function numbersIn(text: string): Set<number> {
  const out = new Set<number>();
  const tokens = [...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => m[0]);
  const words = fold(text).split(/[^a-z-]+/).map((w) => w.split("-").filter(Boolean).join("-"));
  for (const token of [...tokens, ...words]) {
    const n = parseNumber(token);
    if (n !== null) out.add(n);
  }
  return out;
}

/**
 * Quantity → what it counts: "32 members" → {member: [32]}, "5% of GDP" → {"%": [5]}.
 * Years are left out: they date events rather than measure them.
 */
export function quantities(text: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  const tokens = text.split(/\s+/).map((t) => t.replace(/^[("“]+|[)"”.,;:!?]+$/g, ""));
  tokens.forEach((token, i) => {
    const percent = /%$/.test(token);
    const value = parseNumber(token.replace(/%$/, ""));
    if (value === null || (!percent && /^(1[6-9]|20)\d\d$/.test(token))) return;
    let unit = percent || /^(percent|per)$/i.test(tokens[i + 1] ?? "") ? "%" : "";
    for (let j = i + 1; !unit && j < Math.min(tokens.length, i + 4); j++) {
      const word = tokens[j].toLowerCase();
      if (word && !SKIP.has(word) && !ACRONYM.test(tokens[j]) && /^\p{L}/u.test(word)) unit = stem(word.replace(/[^\p{L}]+$/u, ""));
    }
    if (!unit) return;
    out.set(unit, (out.get(unit) ?? new Set()).add(value));
  });
  return out;
}

/** Whether two texts count the same thing with different numbers ("31 member countries" / "32 members"). */
export function disagree(a: string, b: string): boolean {
  const qa = quantities(a);
  const qb = quantities(b);
  for (const [unit, values] of qa) {
    const other = qb.get(unit);
    if (other && ![...values].some((v) => other.has(v))) return true;
  }
  return false;
}
