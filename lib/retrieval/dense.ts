import type { IndexStore } from "@/lib/index/store";

/** Cosine similarity of the query to each of the nearest sentences (units). */
export function nearestUnits(store: IndexStore, queryVector: Float32Array, count: number): Map<number, number> {
  const k = Math.min(count, store.units.length);
  if (k === 0) return new Map();
  const { neighbors, distances } = store.dense.searchKnn(Array.from(queryVector), k);
  return new Map(neighbors.map((unit, i) => [unit, 1 - distances[i]]));
}

/**
 * A chunk's dense score is its best sentence, plus a little of its second best: USE embeds
 * sentences well and long chunks poorly, and one strong sentence is what answers a question.
 */
export function chunkDenseScores(store: IndexStore, unitScores: Map<number, number>): Map<number, number> {
  const best = new Map<number, [number, number]>();
  for (const [unit, score] of unitScores) {
    // Questions in a document are headings ("Why is Ukraine not in Nato?"): they resemble the
    // user's question but never answer it.
    if (store.unitIsQuestion[unit]) continue;
    for (const chunk of store.unitChunks[unit]) {
      const [a, b] = best.get(chunk) ?? [0, 0];
      best.set(chunk, score > a ? [score, a] : [a, Math.max(b, score)]);
    }
  }
  return new Map([...best].map(([chunk, [a, b]]) => [chunk, a + 0.2 * b]));
}
