import { createUIMessageStream, type UIMessageStreamWriter } from "ai";
import { configuredLlm, type LlmSetup } from "@/lib/answer/llm/model";
import { toAppError } from "@/lib/errors";
import type { AskResponse, Citation, HistoryMessage } from "@/lib/types";
import { ask } from "./ask";
import type { AnswerMeta, ChatMessage } from "./chat-message";
import { getEngine } from "./engine";

/** Words per text delta, and the pause between deltas so the answer visibly streams. */
const WORDS_PER_DELTA = 3;
const DELTA_PAUSE_MS = 12;

function answerMeta(response: AskResponse): AnswerMeta {
  return {
    answered: response.answered,
    model: response.model,
    ...(response.sentences ? { sentences: response.sentences } : {}),
    ...(response.note ? { note: response.note } : {}),
  };
}

/** An answer cut into pieces of a few words, for streaming a finished text. */
export function deltas(text: string): string[] {
  const words = text.split(/(?<=\s)/);
  const out: string[] = [];
  for (let i = 0; i < words.length; i += WORDS_PER_DELTA) out.push(words.slice(i, i + WORDS_PER_DELTA).join(""));
  return out;
}

const TEXT_ID = "answer";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes an answer as UI message parts: citations and sources first, then the text in pieces. */
export async function writeAnswer(writer: UIMessageStreamWriter<ChatMessage>, response: AskResponse): Promise<void> {
  writer.write({ type: "data-answer", data: answerMeta(response) });
  writer.write({ type: "data-citations", data: response.citations });
  for (const c of response.citations) writer.write({ type: "source-document", sourceId: c.chunkId, mediaType: "text/plain", title: c.title });
  writer.write({ type: "text-start", id: TEXT_ID });
  for (const delta of deltas(response.answer)) {
    writer.write({ type: "text-delta", id: TEXT_ID, delta });
    await pause(DELTA_PAUSE_MS);
  }
  writer.write({ type: "text-end", id: TEXT_ID });
}
/** Data parts with an id are replaced in place by later writes with the same id. */
const CITATIONS_ID = "citations";

/**
 * A language model's answer, streamed as it is written. Markers arrive already numbered as
 * citations (lib/citations/markers.ts), and each citation's source-document part and the
 * growing data-citations part go out at its first use, so the chat can link markers at once.
 * When the text ends, the verified citations (with quotes) replace data-citations and
 * data-answer carries the sentence verdicts. If nothing was streamed (an out-of-scope
 * question, or the model failed before its first word) the extractive answer is written
 * the usual way.
 */
async function streamModelAnswer(writer: UIMessageStreamWriter<ChatMessage>, question: string, history: HistoryMessage[], llm: LlmSetup, signal?: AbortSignal) {
  let started = false;
  const onText = (delta: string) => {
    if (!started) writer.write({ type: "text-start", id: TEXT_ID });
    started = true;
    writer.write({ type: "text-delta", id: TEXT_ID, delta });
  };
  const onCitation = (c: Citation, all: Citation[]) => {
    writer.write({ type: "source-document", sourceId: c.chunkId, mediaType: "text/plain", title: c.title });
    writer.write({ type: "data-citations", id: CITATIONS_ID, data: [...all] });
  };
  const response = await ask({ question, history }, await getEngine(), { llm, hooks: { onText, onCitation, signal } });
  if (!started) return writeAnswer(writer, response);
  writer.write({ type: "text-end", id: TEXT_ID });
  writer.write({ type: "data-citations", id: CITATIONS_ID, data: response.citations });
  writer.write({ type: "data-answer", data: answerMeta(response) });
}

/** The /api/chat stream for one question in its conversation. */
export function chatStream(question: string, history: HistoryMessage[], signal?: AbortSignal) {
  const llm = configuredLlm();
  return createUIMessageStream<ChatMessage>({
    execute: async ({ writer }) =>
      llm && "model" in llm ? streamModelAnswer(writer, question, history, llm, signal) : writeAnswer(writer, await ask({ question, history })),
    onError: (error) => toAppError(error).messageForClient(),
  });
}
