import { stem } from "./normalize";

/**
 * Everyday words that questions use for what documents say otherwise ("goal" for "purpose",
 * "founded" for "formed"). Small on purpose: general English, nothing about any one corpus.
 */
const GROUPS = [
  ["goal", "aim", "purpose", "objective", "mission"],
  ["main", "primary", "principal", "chief", "key"],
  ["found", "form", "establish", "create", "set"],
  ["join", "accede", "accession", "admit", "enlargement"],
  ["country", "nation", "state", "member"],
  ["leader", "head", "chief", "chair"],
  ["spend", "spending", "expenditure", "budget"],
  ["start", "begin", "launch"],
  ["end", "finish", "conclude"],
  ["attack", "aggression", "assault"],
  ["headquarters", "hq", "base", "seat"],
  ["army", "force", "troop", "military"],
];

const byStem = new Map<string, Set<string>>();
for (const group of GROUPS) {
  const stems = group.map(stem);
  for (const s of stems) byStem.set(s, new Set([...(byStem.get(s) ?? []), ...stems]));
}

/** The stemmed term and the stems of its synonyms. */
export function synonymsOf(term: string): Set<string> {
  return byStem.get(term) ?? new Set([term]);
}
