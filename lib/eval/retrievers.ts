import type { Engine } from "@/lib/engine/engine";
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
type Ranker = (engine: Engine, query: string, vector: Float32Array, k: number) => Promise<number[]>;

const denseOnly: Ranker = async (e, _q, v, k) =>
  [...chunkDenseScores(e.store, await nearestUnits(e.store, v, DENSE_CANDIDATES))].sort((a, b) => b[1] - a[1]).slice(0, k).map(([c]) => c);
const lexicalOnly: Ranker = async (e, q, _v, k) => (await e.store.searchLexical(q, k)).map((h) => h.index);
const rrf: Ranker = async (e, q, v, k) => reciprocalRankFusion([await denseOnly(e, q, v, 50), await lexicalOnly(e, q, v, 50)]).slice(0, k).map((r) => r.chunk);
const hybrid: Ranker = async (e, q, v, k) => (await hybridSearch(e.store, q, v, k)).chunks;

const withSentenceRanker = (model?: ModelWeights): Ranker => async (e, q, v, k) =>
  rerankBySentences(e.store, await hybridSearch(e.store, q, v, CANDIDATE_PASSAGES), q, k, model).retrieval.chunks;

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
  const out: RetrieverRecall[] = [];
  for (const [r, [retriever]] of retrievers().entries()) {
    const rank = (i: number) => retrievers(inScope[i].model)[r][1](engine, queries[i], vectors[i], maxK);
    const ranked = await Promise.all(inScope.map((_, i) => rank(i)));
    const ranks = inScope.map(({ q }, i) => firstSupportRank(ranked[i].map((c) => engine.store.chunks[c].text), q.support));
    const share = (k: number) => ranks.filter((r) => r !== null && r <= k).length / Math.max(1, ranks.length);
    out.push({
      retriever,
      recall: Object.fromEntries(RECALL_KS.map((k) => [`@${k}`, share(k)])),
      mrr: ranks.reduce<number>((a, r) => a + (r ? 1 / r : 0), 0) / Math.max(1, ranks.length),
    });
  }
  return out;
}
