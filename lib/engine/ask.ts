import { answerQuestion, type AnswerOptions } from "@/lib/answer/answer";
import { configuredLlm } from "@/lib/answer/llm/model";
import { rerankBySentences } from "@/lib/answer/ranking/rerank";
import type { Answer } from "@/lib/answer/types";
import type { IndexView } from "@/lib/index/view";
import type { AskRequest } from "@/lib/schemas/ask";
import { contextualQuery } from "@/lib/retrieval/follow-up";
import { CANDIDATE_PASSAGES, DEFAULT_K, hybridSearch, type Retrieval } from "@/lib/retrieval/search";
import type { AskResponse, HistoryMessage } from "@/lib/types";
import { getEngine, type Engine } from "./engine";
import { verifyContext } from "./verify-context";

export type Retrieved = { query: string; retrieval: Retrieval; retrieveMs: number };

/** Retrieval for a question in its conversation (follow-ups fold the history into the query), through one request's view of the index. */
export async function retrieveFor(engine: Engine, question: string, history: HistoryMessage[], k: number, view: IndexView = engine.store.view()): Promise<Retrieved> {
  const started = performance.now();
  const query = contextualQuery(question, history);
  const vector = await engine.queries.embed(query);
  const retrieval = await hybridSearch(view, query, vector, k);
  return { query, retrieval, retrieveMs: performance.now() - started };
}

export function toAskResponse(question: string, answer: Answer, retrieved: Retrieved, answerMs: number): AskResponse {
  const ms = (n: number) => Math.round(n * 10) / 10;
  return {
    question,
    ...answer,
    retrieved: retrieved.retrieval.passages,
    timings: { retrieveMs: ms(retrieved.retrieveMs), answerMs: ms(answerMs), totalMs: ms(retrieved.retrieveMs + answerMs) },
  };
}

/**
 * Answers one question with the configured answerer (LLM_PROVIDER; `options.llm` overrides it)
 * and verifies the answer: the code path of /api/ask, /api/chat, the CLI and eval.
 */
export async function ask(request: AskRequest, engine?: Engine, options: AnswerOptions = {}): Promise<AskResponse> {
  const e = engine ?? (await getEngine());
  const history = request.history ?? [];
  const view = e.store.view();
  const wide = await retrieveFor(e, request.question, history, CANDIDATE_PASSAGES, view);
  const started = performance.now();
  const ranked = await rerankBySentences(view, wide.retrieval, wide.query, request.k ?? DEFAULT_K, options.model, request.question);
  const retrieved = { ...wide, retrieval: ranked.retrieval };
  const input = { question: request.question, history, store: view, ...ranked };
  const llm = options.llm === undefined ? configuredLlm() : options.llm;
  const answer = await answerQuestion(input, verifyContext(e, view), { ...options, llm });
  return toAskResponse(request.question, answer, retrieved, performance.now() - started);
}
