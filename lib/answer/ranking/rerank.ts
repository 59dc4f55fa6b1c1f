import type { IndexView } from "@/lib/index/view";
import type { Retrieval } from "@/lib/retrieval/search";
import { candidateFeatures, unknownWordShare, type Candidate } from "./features";
import { withSentenceMatches } from "./sentence-matches";
import { fittedWeights, keyedFactFirst, rankCandidates, requireAnswerKind, type ModelWeights, type RankedSentence } from "./model";

export type RankedRetrieval = {
  retrieval: Retrieval;
  sentences: RankedSentence[];
  /** Share of the question's words the collection never uses, for refusal. */
  unknownWords: number;
};

const round = (x: number) => Math.round(x * 1e4) / 1e4;
const logAddExp = (a: number, b: number) => Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));

/**
 * The retrieval widened by sentence matches, and every candidate sentence of its passages with its
 * features (fetched into the view first). `asked`: the words of this turn, when `question` is a
 * follow-up's query holding the previous question too.
 */
export async function candidatesFor(store: IndexView, retrieved: Retrieval, question: string, asked = question): Promise<{ wide: Retrieval; candidates: Candidate[] }> {
  const wide = await withSentenceMatches(store, retrieved, question);
  await store.fetch({ chunks: wide.chunks });
  return { wide, candidates: candidateFeatures(store, wide, question, asked) };
}

/**
 * Ranks the sentences of a wide retrieval with the fitted model and keeps the k passages whose
 * sentences weigh most, best first: the passage order people and the answerers see.
 */
export async function rerankBySentences(
  store: IndexView,
  retrieved: Retrieval,
  question: string,
  k: number,
  model: ModelWeights = fittedWeights(),
  asked = question,
): Promise<RankedRetrieval> {
  const { wide, candidates } = await candidatesFor(store, retrieved, question, asked);
  const ranked = keyedFactFirst(requireAnswerKind(rankCandidates(candidates, model), question));
  // A passage weighs all its sentences (log-sum-exp of their scores): one with several good
  // sentences outranks one lucky line.
  const support = new Map<number, number>();
  for (const s of ranked) support.set(s.passageRank, logAddExp(support.get(s.passageRank) ?? -Infinity, s.score));
  const order = wide.chunks
    .map((_, rank) => rank)
    .sort((a, b) => (support.get(b) ?? -Infinity) - (support.get(a) ?? -Infinity) || a - b)
    .slice(0, k);
  const newRank = new Map(order.map((old, i) => [old, i]));
  const score = (old: number) => round(1 / (1 + Math.exp(-(support.get(old) ?? -10))));
  return {
    retrieval: {
      ...wide,
      chunks: order.map((old) => wide.chunks[old]),
      passages: order.map((old) => ({ ...wide.passages[old], score: score(old) })),
    },
    unknownWords: unknownWordShare(store, question),
    sentences: ranked.filter((s) => newRank.has(s.passageRank)).map((s) => ({ ...s, passageRank: newRank.get(s.passageRank)! })),
  };
}
