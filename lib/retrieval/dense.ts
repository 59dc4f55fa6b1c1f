import type { IndexStore } from "@/lib/index/store";

/** Cosine similarity of the query to each of the nearest sentences (units). */
export function nearestUnits(store: IndexStore, queryVector: Float32Array, count: number): Map<number, number> {
  const k = Math.min(count, store.units.length);
  if (k === 0) return new Map();
  const { neighbors, distances } = store.dense.searchKnn(Array.from(queryVector), k);
  return new Map(neighbors.map((unit, i) => [unit, 1 - distances[i]]));
}

/**
 * A chunk's dense score is its best sentence: USE embeds sentences well and long chunks poorly,
 * and one strong sentence is what answers a question. (Adding the second best favoured long
 * chunks and lost recall on the dev questions.)
 */
export function chunkDenseScores(store: IndexStore, unitScores: Map<number, number>): Map<number, number> {
  const best = new Map<number, number>();
  for (const [unit, score] of unitScores) {
    // Questions in a document are headings ("Why is Ukraine not in Nato?"): they resemble the
    // user's question but never answer it.
    if (store.unitIsQuestion[unit]) continue;
    for (const chunk of store.unitChunks[unit]) best.set(chunk, Math.max(best.get(chunk) ?? 0, score));
  }
  return best;
}
