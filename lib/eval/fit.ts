import { FEATURES, unknownWordShare, type Candidate } from "@/lib/answer/ranking/features";
import { candidatesFor } from "@/lib/answer/ranking/rerank";
import { answerProbability, rankCandidates, REFUSAL_FEATURES, refusalFeatures, type ModelWeights } from "@/lib/answer/ranking/model";
import { selectSentences } from "@/lib/answer/ranking/select";
import { readDocument, unitText, type IndexView } from "@/lib/index/view";
import { retrieveFor } from "@/lib/engine/ask";
import { CANDIDATE_PASSAGES } from "@/lib/retrieval/search";
import type { Engine } from "@/lib/engine/engine";
import { fitLogistic, fitRanker, type Example } from "./logistic";
import { matchesExpectations, supportSpans } from "./match";
import type { EvalQuestion } from "./questions";

/** One question's candidate sentences and which of them hold its support text, with the view of the index they were read through. */
export type QuestionExamples = { question: EvalQuestion; candidates: Candidate[]; labels: (0 | 1)[]; unknownWords: number; view: IndexView };

export async function collectExamples(engine: Engine, questions: EvalQuestion[]): Promise<QuestionExamples[]> {
  const out: QuestionExamples[] = [];
  const all = engine.store.view();
  const documents = await Promise.all(all.documents.map(async (d) => (await readDocument(all, d.docId))!));
  for (const question of questions) {
    const view = engine.store.view();
    const { query, retrieval } = await retrieveFor(engine, question.q, question.history ?? [], CANDIDATE_PASSAGES, view);
    const { candidates } = await candidatesFor(view, retrieval, query, question.q);
    const spans = supportSpans(documents, question.support);
    const labels = candidates.map((c): 0 | 1 => {
      const u = view.units[c.unit];
      return spans.some((s) => s.docId === u.docId && s.start < u.end && u.start < s.end) ? 1 : 0;
    });
    out.push({ question, candidates, labels, unknownWords: unknownWordShare(view, query), view });
  }
  return out;
}

const inScope = (e: QuestionExamples) => e.question.kind !== "oos";

/** Gradient steps for the ranker: past about a thousand its cross-validated accuracy no longer moves. */
const RANKER_EPOCHS = 1000;

/** Candidate keep ratios; none below 0.1, so that a second or third sentence has to earn its place. */
const KEEP_RATIOS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];

function emptyWeights(): ModelWeights {
  return {
    version: 1,
    fittedOn: "",
    ranker: Object.fromEntries(FEATURES.map((f) => [f, 0])) as ModelWeights["ranker"],
    refusal: { weights: Object.fromEntries(REFUSAL_FEATURES.map((f) => [f, 0])) as ModelWeights["refusal"]["weights"], bias: 0, threshold: 0.5, floor: 0.25 },
    keepRatio: 0.5,
  };
}

/**
 * In-scope questions the model may refuse: a wrong refusal costs a person the answer the
 * documents hold, so the threshold is the highest that refuses at most this share of them.
 */
const MAX_WRONG_REFUSALS = 0.03;

/** The highest threshold on P(answerable) that refuses at most `share` of the in-scope questions. */
function thresholdRefusing(scored: { p: number; answerable: boolean }[], share: number): number {
  const inScope = scored.filter((s) => s.answerable).map((s) => s.p).sort((a, b) => a - b);
  return Math.floor((inScope[Math.floor(inScope.length * share)] ?? 0.5) * 100) / 100;
}

/** Fits the ranker, then refusal on its rankings, then how many sentences an answer keeps. */
export function fitModel(examples: QuestionExamples[], fittedOn: string): ModelWeights {
  const model = emptyWeights();
  model.fittedOn = fittedOn;
  const groups = examples.filter(inScope).map((e) => e.candidates.map((c, i): Example => ({ x: c.features, y: e.labels[i] })));
  const ranker = fitRanker(groups, { epochs: RANKER_EPOCHS });
  FEATURES.forEach((f, i) => (model.ranker[f] = round(ranker[i])));
  const refusalExamples: Example[] = [];
  const ranked = examples.map((e) => rankCandidates(e.candidates, model));
  examples.forEach((e, i) => refusalExamples.push({ x: refusalFeatures(ranked[i], e.unknownWords), y: inScope(e) ? 1 : 0 }));

  const refusal = fitLogistic(refusalExamples, { l2: 0.01 });
  REFUSAL_FEATURES.forEach((f, i) => (model.refusal.weights[f] = round(refusal.weights[i])));
  model.refusal.bias = round(refusal.bias);
  const scored = examples.map((e, i) => ({ p: answerProbability(ranked[i], e.unknownWords, model), answerable: inScope(e) }));
  model.refusal.threshold = thresholdRefusing(scored, MAX_WRONG_REFUSALS);
  // With a language model, only what is below every in-scope question is refused unasked.
  model.refusal.floor = thresholdRefusing(scored, 0);
  model.keepRatio = bestKeepRatio(examples.filter(inScope), ranked.filter((_, i) => inScope(examples[i])));
  return model;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;


function bestKeepRatio(examples: QuestionExamples[], ranked: ReturnType<typeof rankCandidates>[]): number {
  let best = { ratio: 0.5, hits: -1 };
  for (const ratio of KEEP_RATIOS) {
    const hits = examples.filter((e, i) => {
      const text = selectSentences(e.view, ranked[i], ratio).map((s) => unitText(e.view, s.unit)).join(" ");
      return matchesExpectations(text, e.question.expect).ok;
    }).length;
    if (hits > best.hits) best = { ratio, hits };
  }
  return best.ratio;
}

/**
 * Each question's fold in a partition: by position in the first (i mod k), by a fixed shuffle of
 * the positions in the others, so that repeated runs give the same figures.
 */
function foldsOf(count: number, folds: number, partition: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  let seed = partition;
  for (let i = count - 1; i > 0 && partition > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const fold = new Array<number>(count);
  order.forEach((question, position) => (fold[question] = position % folds));
  return fold;
}

/** k-fold cross-validation: for each question, the model fitted without its fold (in the given partition of the questions). */
export function crossValidatedModels(examples: QuestionExamples[], folds: number, partition = 0): ModelWeights[] {
  const fold = foldsOf(examples.length, folds, partition);
  const models = Array.from({ length: folds }, (_, f) => fitModel(examples.filter((_, i) => fold[i] !== f), `fold ${f + 1} of ${folds}`));
  return examples.map((_, i) => models[fold[i]]);
}

/**
 * Partitions of repeated cross-validation. With a hundred questions one question is a point, and
 * which fold it lands in moves a figure by about that much; the mean over three partitions moves less.
 */
export const CV_PARTITIONS = 3;

/**
 * Repeated k-fold cross-validation: every question once per partition, each time with the model
 * fitted without its fold. Figures summed over the list are means over the partitions.
 */
export function repeatedCrossValidation(examples: QuestionExamples[], folds: number, partitions = CV_PARTITIONS): { question: EvalQuestion; model: ModelWeights }[] {
  return Array.from({ length: partitions }, (_, p) => crossValidatedModels(examples, folds, p)).flatMap((models) =>
    models.map((model, i) => ({ question: examples[i].question, model })),
  );
}
