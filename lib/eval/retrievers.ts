import type { Engine } from "@/lib/engine/engine";
import type { IndexView } from "@/lib/index/view";
import { chunkDenseScores, nearestUnits } from "@/lib/retrieval/dense";
import { reciprocalRankFusion } from "@/lib/retrieval/fusion";
import { CANDIDATE_PASSAGES, DENSE_CANDIDATES, hybridSearch } from "@/lib/retrieval/search";
import { contextualQuery } from "@/lib/retrieval/follow-up";
import type { ModelWeights } from "@/lib/answer/ranking/model";
import { rerankBySentences } from "@/lib/answer/ranking/rerank";
import { firstSupportRank } from "./match";
import type { EvalQuestion } from "./questions";
import { RECALL_KS } from "./run";

/** A retriever under comparison: chunk indices for a query, best first, read through one view of the index. */
type Ranker = (view: IndexView, query: string, vector: Float32Array, k: number) => Promise<number[]>;

async function denseOnly(view: IndexView, _q: string, v: Float32Array, k: number): Promise<number[]> {
  const units = await nearestUnits(view, v, DENSE_CANDIDATES);
  await view.fetch({ units: [...units.keys()] });
  return [...chunkDenseScores(view, units)].sort((a, b) => b[1] - a[1]).slice(0, k).map(([c]) => c);
}
const lexicalOnly: Ranker = async (view, q, _v, k) => (await view.searchLexical(q, k)).map((h) => h.index);
const rrf: Ranker = async (view, q, v, k) => reciprocalRankFusion([await denseOnly(view, q, v, 50), await lexicalOnly(view, q, v, 50)]).slice(0, k).map((r) => r.chunk);
const hybrid: Ranker = async (view, q, v, k) => (await hybridSearch(view, q, v, k)).chunks;

const withSentenceRanker = (model?: ModelWeights, asked?: string): Ranker => async (view, q, v, k) =>
  (await rerankBySentences(view, await hybridSearch(view, q, v, CANDIDATE_PASSAGES), q, k, model, asked)).retrieval.chunks;

/** The texts of the chunks a ranker returned. */
async function chunkTexts(engine: Engine, ranker: Ranker, query: string, vector: Float32Array, k: number): Promise<string[]> {
  const view = engine.store.view();
  const chunks = await ranker(view, query, vector, k);
  await view.fetch({ chunks });
  return chunks.map((c) => view.chunks[c].text);
}

/** The retrievers compared; the last is what /api/ask uses (with each question's cross-validation model). */
const retrievers = (model?: ModelWeights, asked?: string): [string, Ranker][] => [
  ["dense", denseOnly],
  ["lexical", lexicalOnly],
  ["rrf (k=60)", rrf],
  ["hybrid", hybrid],
  ["hybrid + sentence ranker", withSentenceRanker(model, asked)],
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
    const texts = (i: number) => chunkTexts(engine, retrievers(inScope[i].model, inScope[i].q.q)[r][1], queries[i], vectors[i], maxK);
    const ranked = await Promise.all(inScope.map((_, i) => texts(i)));
    const ranks = inScope.map(({ q }, i) => firstSupportRank(ranked[i], q.support));
    const share = (k: number) => ranks.filter((r) => r !== null && r <= k).length / Math.max(1, ranks.length);
    out.push({
      retriever,
      recall: Object.fromEntries(RECALL_KS.map((k) => [`@${k}`, share(k)])),
      mrr: ranks.reduce<number>((a, r) => a + (r ? 1 / r : 0), 0) / Math.max(1, ranks.length),
    });
  }
  return out;
}
