import { terms } from "./normalize";
import { synonymsOf } from "./synonyms";

/** A synonym counts for most, not all, of the word it stands for. */
const SYNONYM_CREDIT = 0.7;

/** Share of the weighted terms (term → weight) that a sentence contains, synonyms counting for less. */
export function coverage(weights: Map<string, number>, sentence: string): number {
  return termCoverage(weights, new Set(terms(sentence)));
}

/** coverage() of a sentence whose terms are already known (a passage judged against many sentences). */
export function termCoverage(weights: Map<string, number>, present: ReadonlySet<string>): number {
  const total = [...weights.values()].reduce((a, w) => a + w, 0);
  if (total === 0) return 0;
  let hit = 0;
  for (const [t, w] of weights) {
    if (present.has(t)) hit += w;
    else if ([...synonymsOf(t)].some((s) => present.has(s))) hit += w * SYNONYM_CREDIT;
  }
  return hit / total;
}
