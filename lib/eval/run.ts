import { citationProblems } from "./contract";
import type { ModelWeights } from "@/lib/answer/ranking/model";
import { rerankBySentences } from "@/lib/answer/ranking/rerank";
import { ask, retrieveFor } from "@/lib/engine/ask";
import { CANDIDATE_PASSAGES } from "@/lib/retrieval/search";
import type { Engine } from "@/lib/engine/engine";
import type { AskResponse } from "@/lib/types";
import { firstSupportRank, holdsSupport, matchesExpectations } from "./match";
import type { EvalQuestion } from "./questions";

export const RECALL_KS = [1, 3, 6, 10] as const;

export type QuestionResult = {
  question: EvalQuestion;
  response: AskResponse;
  /** In scope: every expect pattern matched and the answer was given. Out of scope: refused. */
  correct: boolean;
  supported: boolean;
  missing: string[];
  supportRank: number | null;
  problems: { markers: string[]; offsets: string[] };
};

export type EvalMetrics = {
  questions: number;
  inScope: number;
  accuracy: number;
  citedSupport: number;
  recall: Record<`@${(typeof RECALL_KS)[number]}`, number>;
  mrr: number;
  oosRefusal: number | null;
  /** In-scope questions answered "not covered". */
  wronglyRefused: number;
  invalidMarkers: number;
  invalidOffsets: number;
  latencyMs: { p50: number; p95: number };
  byKind: Record<string, { questions: number; correct: number }>;
};

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs one question through the code path of /api/ask and judges it; recall is read 10 deep. */
export async function evaluateQuestion(engine: Engine, question: EvalQuestion, model?: ModelWeights): Promise<QuestionResult> {
  const history = question.history ?? [];
  const response = await ask({ question: question.q, history }, engine, { llm: null, model });
  const view = engine.store.view();
  const wide = await retrieveFor(engine, question.q, history, CANDIDATE_PASSAGES, view);
  const deep = (await rerankBySentences(view, wide.retrieval, wide.query, Math.max(...RECALL_KS), model, question.q)).retrieval;
  await view.fetch({ documents: response.citations.map((c) => c.docId) });
  const oos = question.kind === "oos";
  const { ok, missing } = matchesExpectations(response.answer, question.expect);
  const supported = oos ? !response.answered : response.citations.some((c) => holdsSupport(c.text, question.support));
  return {
    question,
    response,
    correct: oos ? !response.answered : response.answered && ok,
    supported,
    missing: oos && response.answered ? ["answered:false"] : missing,
    supportRank: oos ? null : firstSupportRank(deep.passages.map((p) => p.text), question.support),
    problems: citationProblems(response, (docId) => view.documentText(docId)),
  };
}

export function summarize(results: QuestionResult[]): EvalMetrics {
  const inScope = results.filter((r) => r.question.kind !== "oos");
  const oos = results.filter((r) => r.question.kind === "oos");
  const share = (xs: QuestionResult[], f: (r: QuestionResult) => boolean) => (xs.length ? xs.filter(f).length / xs.length : 0);
  const recall = Object.fromEntries(RECALL_KS.map((k) => [`@${k}`, share(inScope, (r) => r.supportRank !== null && r.supportRank <= k)])) as EvalMetrics["recall"];
  const byKind: EvalMetrics["byKind"] = {};
  for (const r of results) {
    const entry = (byKind[r.question.kind] ??= { questions: 0, correct: 0 });
    entry.questions++;
    entry.correct += r.correct ? 1 : 0;
  }
  const latencies = results.map((r) => r.response.timings.totalMs);
  return {
    questions: results.length,
    inScope: inScope.length,
    accuracy: share(inScope, (r) => r.correct),
    citedSupport: share(inScope, (r) => r.supported),
    recall,
    mrr: inScope.length ? inScope.reduce((a, r) => a + (r.supportRank ? 1 / r.supportRank : 0), 0) / inScope.length : 0,
    oosRefusal: oos.length ? share(oos, (r) => r.correct) : null,
    wronglyRefused: share(inScope, (r) => !r.response.answered),
    invalidMarkers: results.reduce((n, r) => n + r.problems.markers.length, 0),
    invalidOffsets: results.reduce((n, r) => n + r.problems.offsets.length, 0),
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
    byKind,
  };
}

/** Scores every question; `models[i]` (cross-validation) answers question i, else the fitted weights. */
export async function runEval(engine: Engine, questions: EvalQuestion[], models?: ModelWeights[]): Promise<{ results: QuestionResult[]; metrics: EvalMetrics }> {
  const results: QuestionResult[] = [];
  for (const [i, q] of questions.entries()) results.push(await evaluateQuestion(engine, q, models?.[i]));
  return { results, metrics: summarize(results) };
}
