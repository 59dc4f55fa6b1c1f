import type { Engine } from "@/lib/engine/engine";
import { searchLexical } from "@/lib/index/lexical";
import { chunkDenseScores, nearestUnits } from "@/lib/retrieval/dense";
import { reciprocalRankFusion } from "@/lib/retrieval/fusion";
import { DENSE_CANDIDATES, hybridSearch } from "@/lib/retrieval/search";
import { firstSupportRank } from "./match";
import type { EvalQuestion } from "./questions";
import { RECALL_KS } from "./run";

/** A retriever under comparison: chunk indices for a query, best first. */
type Ranker = (engine: Engine, query: string, vector: Float32Array, k: number) => number[];

const denseOnly: Ranker = (e, _q, v, k) =>
  [...chunkDenseScores(e.store, nearestUnits(e.store, v, DENSE_CANDIDATES))].sort((a, b) => b[1] - a[1]).slice(0, k).map(([c]) => c);
const lexicalOnly: Ranker = (e, q, _v, k) => searchLexical(e.store.lexical, q, k).map((h) => h.index);
const rrf: Ranker = (e, q, v, k) => reciprocalRankFusion([denseOnly(e, q, v, 50), lexicalOnly(e, q, v, 50)]).slice(0, k).map((r) => r.chunk);
const hybrid: Ranker = (e, q, v, k) => hybridSearch(e.store, q, v, k).chunks;

export const RETRIEVERS: Record<string, Ranker> = { dense: denseOnly, lexical: lexicalOnly, "rrf (k=60)": rrf, hybrid };

export type RetrieverRecall = { retriever: string; recall: Record<string, number>; mrr: number };

/** recall@k and MRR of each retriever over the in-scope questions. */
export async function compareRetrievers(engine: Engine, questions: EvalQuestion[]): Promise<RetrieverRecall[]> {
  const inScope = questions.filter((q) => q.kind !== "oos");
  const vectors = await Promise.all(inScope.map((q) => engine.queries.embed(q.q)));
  const maxK = Math.max(...RECALL_KS);
  return Object.entries(RETRIEVERS).map(([retriever, rank]) => {
    const ranks = inScope.map((q, i) => firstSupportRank(rank(engine, q.q, vectors[i], maxK).map((c) => engine.store.chunks[c].text), q.support));
    const share = (k: number) => ranks.filter((r) => r !== null && r <= k).length / Math.max(1, ranks.length);
    return {
      retriever,
      recall: Object.fromEntries(RECALL_KS.map((k) => [`@${k}`, share(k)])),
      mrr: ranks.reduce<number>((a, r) => a + (r ? 1 / r : 0), 0) / Math.max(1, ranks.length),
    };
  });
}
