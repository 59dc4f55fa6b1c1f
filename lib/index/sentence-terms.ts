import { terms } from "@/lib/text/normalize";

/** Words counted as one: a question term and the words derived from it, with the term's weight. */
export type TermGroup = { terms: string[]; weight: number };

/** Which sentences hold each content term: sentence-level idf, and the sentences matching a question word for word. */
export type SentenceTerms = {
  count: number;
  frequency(term: string): number;
  search(groups: TermGroup[], k: number): number[];
};

export function buildSentenceTerms(sentences: string[]): SentenceTerms {
  const postings = new Map<string, number[]>();
  sentences.forEach((text, unit) => {
    for (const t of new Set(terms(text))) {
      const units = postings.get(t);
      if (units) units.push(unit);
      else postings.set(t, [unit]);
    }
  });
  return {
    count: sentences.length,
    frequency: (term) => postings.get(term)?.length ?? 0,
    search: (groups, k) => bestMatches(groups, (term) => postings.get(term) ?? [], k),
  };
}

/**
 * The `k` sentences whose groups weigh most (a group counts once, however many of its words a
 * sentence holds), best first, ties by unit; weights are added in group order, as the Postgres
 * store adds them, so that both rank alike to the last bit.
 */
function bestMatches(groups: TermGroup[], unitsWith: (term: string) => number[], k: number): number[] {
  const scores = new Map<number, number>();
  for (const group of groups) {
    const units = new Set(group.terms.flatMap(unitsWith));
    for (const u of units) scores.set(u, (scores.get(u) ?? 0) + group.weight);
  }
  return [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k).map(([u]) => u);
}
