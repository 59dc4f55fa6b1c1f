import { createUIMessageStream, type UIMessageStreamWriter } from "ai";
import { ask } from "@/lib/engine/ask";
import { toAppError } from "@/lib/errors";
import type { AskResponse, HistoryMessage } from "@/lib/types";
import type { AnswerMeta, ChatMessage } from "./types";

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

function deltas(text: string): string[] {
  const words = text.split(/(?<=\s)/);
  const out: string[] = [];
  for (let i = 0; i < words.length; i += WORDS_PER_DELTA) out.push(words.slice(i, i + WORDS_PER_DELTA).join(""));
  return out;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes an answer as UI message parts: citations and sources first, then the text in pieces. */
export async function writeAnswer(writer: UIMessageStreamWriter<ChatMessage>, response: AskResponse): Promise<void> {
  writer.write({ type: "data-answer", data: answerMeta(response) });
  writer.write({ type: "data-citations", data: response.citations });
  for (const c of response.citations) writer.write({ type: "source-document", sourceId: c.chunkId, mediaType: "text/plain", title: c.title });
  writer.write({ type: "text-start", id: "answer" });
  for (const delta of deltas(response.answer)) {
    writer.write({ type: "text-delta", id: "answer", delta });
    await pause(DELTA_PAUSE_MS);
  }
  writer.write({ type: "text-end", id: "answer" });
}

/** The /api/chat stream for one question in its conversation. */
export function chatStream(question: string, history: HistoryMessage[]) {
  return createUIMessageStream<ChatMessage>({
    execute: async ({ writer }) => writeAnswer(writer, await ask({ question, history })),
    onError: (error) => toAppError(error).message,
  });
}
