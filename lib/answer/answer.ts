import { MarkerRewriter, rewriteMarkers } from "@/lib/citations/markers";
import { CitationNumbering } from "@/lib/citations/numbering";
import type { SegmentMode } from "@/lib/citations/segment";
import type { VerifyContext } from "@/lib/citations/judge";
import { isRefusal } from "@/lib/citations/refusal";
import { verifyAnswer } from "@/lib/citations/verify";
import type { Citation } from "@/lib/types";
import { extractiveAnswer } from "./extractive";
import { failureReason, LlmEmptyAnswerError, logFailure } from "./llm/failure";
import type { LlmSetup } from "./llm/model";
import { buildMessages, SYSTEM_PROMPT } from "./llm/prompt";
import { modelText } from "./llm/stream";
import { answerProbability, fittedWeights, type ModelWeights } from "./ranking/model";
import type { Answer, AnswerInput } from "./types";

/** For /api/chat: the answer as it is written. */
export type AnswerHooks = {
  /** Text as it streams, markers already numbered as in the final answer. */
  onText?: (delta: string) => void;
  /** A passage cited for the first time, and all citations so far. */
  onCitation?: (citation: Citation, all: Citation[]) => void;
  /** The client went away: stop the model. */
  signal?: AbortSignal;
};

export type AnswerOptions = {
  /** The language model; null or absent for the extractive answerer. */
  llm?: LlmSetup | null;
  hooks?: AnswerHooks;
  /** The fitted ranking and refusal weights (cross-validation passes each fold's own). */
  model?: ModelWeights;
};

export const unavailableNote = (reason: string) => `The language model was unavailable (${reason}); this answer was extracted from the documents.`;
export const stoppedNote = (reason: string) =>
  `The language model stopped before finishing (${reason}); the rest of this answer was extracted from the documents.`;

async function verified(answer: Answer, ctx: VerifyContext, mode: SegmentMode): Promise<Answer> {
  const result = await verifyAnswer(answer.answer, answer.citations, ctx, mode);
  const answered = answer.answered && !isRefusal(result.answer) && result.citations.length > 0;
  return { ...answer, answer: result.answer, answered, citations: result.citations, sentences: result.sentences };
}

const warned = new Set<string>();

/**
 * Answers from the retrieved passages and verifies the answer. With a language model, the
 * extractive refusal is only a floor for clearly off-topic questions (no model call); above it
 * the model reads the passages and may itself say they do not cover the question. On any
 * failure the extractive answer stands in, with a note saying why.
 */
export async function answerQuestion(input: AnswerInput, ctx: VerifyContext, options: AnswerOptions = {}): Promise<Answer> {
  const model = options.model ?? fittedWeights();
  const extractive = extractiveAnswer(input, model);
  const llm = options.llm;
  const offTopic = answerProbability(input.sentences, input.unknownWords, model) < model.refusal.floor;
  // The extractive answer is a list of claims, each followed by its markers: verify claim by claim.
  if (!llm || offTopic) return verified(extractive, ctx, "claims");
  if ("problem" in llm) {
    if (!warned.has(llm.problem)) console.warn(`Language model ${llm.name} is not usable: ${llm.problem}. Answering extractively.`);
    warned.add(llm.problem);
    return { ...(await verified(extractive, ctx, "claims")), note: unavailableNote(llm.problem) };
  }
  return llmAnswer(input, extractive, llm, ctx, options.hooks ?? {});
}

async function llmAnswer(
  input: AnswerInput,
  extractive: Answer,
  llm: Extract<LlmSetup, { model: unknown }>,
  ctx: VerifyContext,
  hooks: AnswerHooks,
): Promise<Answer> {
  const passages = input.retrieval.passages;
  const numbering = new CitationNumbering(hooks.onCitation);
  // The model cites passage numbers; each becomes its citation number the moment it is read.
  const rewriter = new MarkerRewriter((p) => (passages[p - 1] ? numbering.cite(passages[p - 1]) : null));
  let text = "";
  const emit = (piece: string) => {
    if (!piece.trim() && !text) return; // space before the first word would start an empty answer
    text += piece;
    hooks.onText?.(piece);
  };
  let note: string | undefined;
  try {
    const messages = buildMessages(input.question, input.history, passages);
    for await (const delta of modelText({ model: llm.model, system: SYSTEM_PROMPT, messages, timeoutMs: llm.timeoutMs, signal: hooks.signal })) {
      emit(rewriter.push(delta));
    }
    emit(rewriter.end());
    if (!text.trim() && !hooks.signal?.aborted) throw new LlmEmptyAnswerError();
  } catch (error) {
    const reason = failureReason(error);
    logFailure(llm.name, reason, error, llm.secrets);
    // Nothing was shown yet (or nobody is watching, as in /api/ask): the extractive answer alone.
    if (!text.trim() || !hooks.onText) return { ...(await verified(extractive, ctx, "claims")), note: unavailableNote(reason) };
    // Part of the answer was already shown and cannot be taken back: the extractive answer
    // finishes it, its markers numbered on from the model's.
    emit(rewriter.end());
    const cite = (n: number) => {
      const c = extractive.citations.find((x) => x.n === n);
      return c ? numbering.cite(c) : null;
    };
    emit(`\n\n${rewriteMarkers(extractive.answer, cite)}`);
    note = stoppedNote(reason);
  }
  const answer: Answer = { answer: text, answered: true, citations: numbering.citations, model: llm.name };
  return { ...(await verified(answer, ctx, "sentences")), ...(note ? { note } : {}) };
}
