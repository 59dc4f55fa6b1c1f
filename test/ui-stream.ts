import { readUIMessageStream, type UIMessageChunk } from "ai";
import type { AnswerMeta, ChatMessage } from "@/lib/engine/chat-message";
import type { Citation } from "@/lib/types";

/** Reads an /api/chat response: its raw chunks, and the message useChat would build from them. */
export async function readChat(response: Response): Promise<{ raw: string; chunks: UIMessageChunk[]; message: ChatMessage }> {
  const raw = await response.text();
  const chunks = raw
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
    .map((line) => JSON.parse(line.slice(6)) as UIMessageChunk);
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
  let message: ChatMessage | undefined;
  for await (const m of readUIMessageStream<ChatMessage>({ stream })) message = m;
  return { raw, chunks, message: message! };
}

export function viewOfMessage(message: ChatMessage): { text: string; citations: Citation[]; answer: AnswerMeta; sources: string[] } {
  const text = message.parts.filter((p) => p.type === "text").map((p) => p.text).join("");
  const citationParts = message.parts.filter((p) => p.type === "data-citations");
  const answerPart = message.parts.find((p) => p.type === "data-answer");
  return {
    text,
    citations: (citationParts.at(-1)?.data ?? []) as Citation[],
    answer: answerPart?.data as AnswerMeta,
    sources: message.parts.filter((p) => p.type === "source-document").map((p) => p.sourceId),
  };
}
