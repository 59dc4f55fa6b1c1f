import { unitVector, type IndexView } from "@/lib/index/view";
import { dot } from "@/lib/embeddings/vector";
import type { RankedSentence } from "./model";

/** At most this many sentences make an answer. */
export const MAX_ANSWER_SENTENCES = 3;
/** Sentences this similar in meaning to one already kept repeat it. */
const REDUNDANT = 0.85;

function isRedundant(store: IndexView, kept: RankedSentence[], candidate: RankedSentence): boolean {
  const v = unitVector(store, candidate.unit);
  return kept.some((k) => k.unit === candidate.unit || dot(unitVector(store, k.unit), v) > REDUNDANT);
}

/**
 * The best sentence, and the next ones the model rates close to it (their softmax weight
 * relative to the best's at least keepRatio), skipping repeats.
 */
export function selectSentences(store: IndexView, ranked: RankedSentence[], keepRatio: number): RankedSentence[] {
  if (!ranked.length) return [];
  const kept = [ranked[0]];
  for (const s of ranked.slice(1)) {
    if (kept.length === MAX_ANSWER_SENTENCES || Math.exp(s.score - ranked[0].score) < keepRatio) break;
    if (!isRedundant(store, kept, s)) kept.push(s);
  }
  return kept;
}
