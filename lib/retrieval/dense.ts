import type { IndexView } from "@/lib/index/view";

/** Cosine similarity of the query to each of the nearest sentences (units). */
export async function nearestUnits(store: IndexView, queryVector: Float32Array, count: number): Promise<Map<number, number>> {
  const hits = await store.searchDense(queryVector, count);
  return new Map(hits.map((h) => [h.unit, h.similarity]));
}

/**
 * A chunk's dense score is its best sentence: USE embeds sentences well and long chunks poorly,
 * and one strong sentence is what answers a question. (Adding the second best favoured long
 * chunks and lost recall on the dev questions.)
 */
export function chunkDenseScores(store: IndexView, unitScores: Map<number, number>): Map<number, number> {
  const best = new Map<number, number>();
  for (const [unit, score] of unitScores) {
    // Questions in a document are headings ("Why is Ukraine not in Nato?"): they resemble the
    // user's question but never answer it.
    if (store.unitIsQuestion[unit]) continue;
    for (const chunk of store.unitChunks[unit]) best.set(chunk, Math.max(best.get(chunk) ?? 0, score));
  }
  return best;
}
