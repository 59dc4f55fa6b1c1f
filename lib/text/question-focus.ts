/**
 * The thing a question asks about: the nouns of its wh-phrase ("How many *troops*…", "Which
 * *party*…", "What is KFOR's yearly *budget*?"). A sentence that answers has to speak of it, in
 * its words or related ones; one that shares only the question's names does not.
 */
import nlp from "compromise";

type Token = { word: string; tags: Set<string> };

// Words that name the kind of answer rather than a thing ("what year", "what share of"): answer
// kinds (answer-kinds.ts) check those.
const KIND_WORDS = /^(?:year|years|date|dates|day|days|month|time|number|amount|share|percentage|percent|proportion|name|names|kind|sort|type|way|ways|one|ones|thing|things)$/;

const isNoun = (t: Token) =>
  t.tags.has("Noun") && !t.tags.has("Pronoun") && !t.tags.has("ProperNoun") && !t.tags.has("Possessive") && !t.tags.has("Acronym");
const isModifier = (t: Token) => ["Adjective", "Value", "Determiner", "Possessive", "ProperNoun", "Acronym"].some((tag) => t.tags.has(tag));

function tokens(question: string): Token[] {
  const sentences = nlp(question.replace(/\b(what|which)(?:'s|’s)/gi, "$1 is")).json() as { terms: { normal: string; tags: string[] }[] }[];
  return sentences.flatMap((s) => s.terms.map((t) => ({ word: t.normal, tags: new Set(t.tags) })));
}

/** The nouns of the noun phrase from `i` on; a possessor ("KFOR's", "the alliance's") starts it again. */
function nounsFrom(tokens: Token[], i: number): string[] {
  let nouns: string[] = [];
  for (; tokens[i] && (isModifier(tokens[i]) || isNoun(tokens[i])); i++) {
    if (tokens[i].tags.has("Possessive")) nouns = [];
    else if (isNoun(tokens[i])) nouns.push(tokens[i].word);
  }
  return nouns;
}

/** The nouns a question asks about, lower case; [] when its wh-phrase names none ("Who leads…?", "When did…?"). */
export function questionFocus(question: string): string[] {
  const t = tokens(question);
  const at = t.findIndex((x) => /^(?:what|which|how|whats)$/.test(x.word));
  if (at < 0) return [];
  const [asking, next] = [t[at].word, t[at + 1]?.word ?? ""];
  let nouns: string[] = [];
  if (asking === "how") nouns = /^(?:many|much)$/.test(next) ? nounsFrom(t, at + 2) : [];
  else if (asking === "whats") nouns = nounsFrom(t, at + 1);
  else if (/^(?:is|was|are|were)$/.test(next)) nouns = nounsFrom(t, at + 2);
  else nouns = nounsFrom(t, at + 1);
  return nouns.filter((w) => !KIND_WORDS.test(w) && /^\p{L}[\p{L}-]+$/u.test(w));
}
