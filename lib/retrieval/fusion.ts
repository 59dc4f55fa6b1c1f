/** Combines dense and lexical scores per chunk. Pure functions, tuned on the dev questions (README). */

export type ScoredChunk = { chunk: number; dense: number; lexical: number; score: number };

export type FusionWeights = { dense: number; lexical: number };

export const DEFAULT_FUSION: FusionWeights = { dense: 0.5, lexical: 0.5 };

/** Scales scores into [0, 1] by the best one, so a query's strongest match on either side counts as 1. */
function byMax(scores: Map<number, number>): Map<number, number> {
  const max = Math.max(0, ...scores.values());
  if (max <= 0) return new Map();
  return new Map([...scores].map(([k, v]) => [k, Math.max(0, v) / max]));
}

/**
 * Weighted sum of max-normalised scores. Unlike reciprocal rank fusion it keeps how far
 * ahead a strong lexical or dense match is, which matters when one side is clearly right.
 */
export function fuseScores(dense: Map<number, number>, lexical: Map<number, number>, weights = DEFAULT_FUSION): ScoredChunk[] {
  const d = byMax(dense);
  const l = byMax(lexical);
  const ids = new Set([...dense.keys(), ...lexical.keys()]);
  return [...ids]
    .map((chunk) => {
      const ds = d.get(chunk) ?? 0;
      const ls = l.get(chunk) ?? 0;
      return { chunk, dense: dense.get(chunk) ?? 0, lexical: lexical.get(chunk) ?? 0, score: weights.dense * ds + weights.lexical * ls };
    })
    .sort((a, b) => b.score - a.score || a.chunk - b.chunk);
}

/** Reciprocal rank fusion, kept as the baseline the README's table compares against. */
export function reciprocalRankFusion(rankings: number[][], k = 60): ScoredChunk[] {
  const scores = new Map<number, number>();
  for (const ranking of rankings) ranking.forEach((chunk, rank) => scores.set(chunk, (scores.get(chunk) ?? 0) + 1 / (k + rank + 1)));
  return [...scores].map(([chunk, score]) => ({ chunk, dense: 0, lexical: 0, score })).sort((a, b) => b.score - a.score || a.chunk - b.chunk);
}
