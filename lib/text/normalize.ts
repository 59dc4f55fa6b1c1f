/** Text normalisation for matching: accent folding, tokens, British spellings, light stemming, display cleanup. */
import britishSpellings from "american-british-english-translator/data/british_spellings.json";

/**
 * British spellings to American ones ("criticised" → "criticized", "defence" → "defense"), from a
 * word list kept with a translator package: a question and a document spelt differently match.
 */
const AMERICAN = new Map(Object.entries(britishSpellings as Record<string, string>));

const STOPWORDS = new Set(
  (
    "a an and are as at be been but by can could did do does for from had has have how i if in into is it its " +
    "me my of on or our so than that the their them then there these they this those to was we were what when " +
    "where which who whom whose why will with would you your about after also any all more most other some such " +
    "s t just over under up down out off again only own same too very nor not no yes tell please many much"
  ).split(" "),
);

/** "Kuçova" → "kucova": lower case without diacritics. */
export function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

/** Very light suffix stripping: enough to match "members"/"member", "joined"/"join". */
export function stem(token: string): string {
  if (/^\p{L}+\d+s$/u.test(token)) return token.slice(0, -1); // "f16s" → "f16"
  if (token.length <= 3 || /\d/.test(token)) return token;
  if (token.endsWith("ies") && token.length > 4) return token.slice(0, -3) + "y";
  if (token.endsWith("sses")) return token.slice(0, -2);
  if (token.endsWith("ing") && token.length > 5) return token.slice(0, -3);
  if (token.endsWith("ed") && token.length > 4) return token.slice(0, -2);
  if (token.endsWith("es") && /(?:x|ch|sh|ss)es$/.test(token)) return token.slice(0, -2);
  if (token.endsWith("s") && !token.endsWith("ss") && !token.endsWith("us") && !token.endsWith("is")) return token.slice(0, -1);
  return token;
}

/** A model name's hyphen ("F-16", "Su-27", "B-52s"): written with and without it, one term either way. */
const MODEL_NUMBER = /\b(\p{Lu}\p{L}{0,2})-(?=\p{N})/gu;

/** Content tokens of a text: folded, split on anything not a letter or digit, stopwords dropped, spelt the American way, stemmed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const raw of fold(text.replace(MODEL_NUMBER, "$1")).split(/[^\p{L}\p{N}]+/u)) {
    if (!raw || STOPWORDS.has(raw)) continue;
    out.push(stem(AMERICAN.get(raw) ?? raw));
  }
  return out;
}

/** Collapses line breaks and runs of spaces for reading; offsets stay with the original text. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").replace(/\s+([,.;:!?])/g, "$1").trim();
}

/** A document sentence as an answer shows it: whitespace collapsed, a leading list bullet dropped. */
export function readable(text: string): string {
  return collapseWhitespace(text).replace(/^[-*•]\s+/, "");
}
