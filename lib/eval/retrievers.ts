import type { Engine } from "@/lib/engine/engine";
import { searchLexical } from "@/lib/index/lexical";
import { chunkDenseScores, nearestUnits } from "@/lib/retrieval/dense";
import { reciprocalRankFusion } from "@/lib/retrieval/fusion";
import { CANDIDATE_PASSAGES, DENSE_CANDIDATES, hybridSearch } from "@/lib/retrieval/search";
import { contextualQuery } from "@/lib/retrieval/follow-up";
import type { ModelWeights } from "@/lib/answer/ranking/model";
import { rerankBySentences } from "@/lib/answer/ranking/rerank";
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

const withSentenceRanker = (model?: ModelWeights): Ranker => (e, q, v, k) =>
  rerankBySentences(e.store, hybridSearch(e.store, q, v, CANDIDATE_PASSAGES), q, k, model).retrieval.chunks;

/** The retrievers compared; the last is what /api/ask uses (with each question's cross-validation model). */
const retrievers = (model?: ModelWeights): [string, Ranker][] => [
  ["dense", denseOnly],
  ["lexical", lexicalOnly],
  ["rrf (k=60)", rrf],
  ["hybrid", hybrid],
  ["hybrid + sentence ranker", withSentenceRanker(model)],
];

export type RetrieverRecall = { retriever: string; recall: Record<string, number>; mrr: number };

/** recall@k and MRR of each retriever over the in-scope questions. */
export async function compareRetrievers(engine: Engine, questions: EvalQuestion[], models?: ModelWeights[]): Promise<RetrieverRecall[]> {
  const inScope = questions.map((q, i) => ({ q, model: models?.[i] })).filter(({ q }) => q.kind !== "oos");
  const queries = inScope.map(({ q }) => contextualQuery(q.q, q.history ?? []));
  const vectors = await Promise.all(queries.map((q) => engine.queries.embed(q)));
  const maxK = Math.max(...RECALL_KS);
  return retrievers().map(([retriever], r) => {
    const rank = (i: number) => retrievers(inScope[i].model)[r][1](engine, queries[i], vectors[i], maxK);
    const ranks = inScope.map(({ q }, i) => firstSupportRank(rank(i).map((c) => engine.store.chunks[c].text), q.support));
    const share = (k: number) => ranks.filter((r) => r !== null && r <= k).length / Math.max(1, ranks.length);
    return {
      retriever,
      recall: Object.fromEntries(RECALL_KS.map((k) => [`@${k}`, share(k)])),
      mrr: ranks.reduce<number>((a, r) => a + (r ? 1 / r : 0), 0) / Math.max(1, ranks.length),
    };
  });
}
