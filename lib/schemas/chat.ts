import { z } from "zod";
import type { HistoryMessage } from "@/lib/types";
import { MAX_QUESTION_CHARS } from "./ask";

const partSchema = z.looseObject({ type: z.string() });

const messageSchema = z.looseObject({
  id: z.string().optional(),
  role: z.enum(["user", "assistant", "system"]),
  parts: z.array(partSchema).max(200),
});

type Message = z.infer<typeof messageSchema>;

function textOf(message: Message): string {
  return message.parts
    .filter((p) => p.type === "text" && typeof p.text === "string")
    .map((p) => p.text as string)
    .join("")
    .trim();
}

/** The question is the last message's text: its problems are named as the messages', which is what the client sent. */
function lastMessageProblem(messages: Message[]): string | null {
  const last = messages.at(-1);
  if (last?.role !== "user") return "the last message must be the user's";
  const text = textOf(last);
  if (!text) return "the last message has no text part: send the question as { type: \"text\", text }";
  if (text.length > MAX_QUESTION_CHARS) return `the last message's text must be at most ${MAX_QUESTION_CHARS} characters`;
  return null;
}

/** POST /api/chat, as @ai-sdk/react's useChat sends it. */
export const chatRequestSchema = z
  .looseObject({
    id: z.string().max(200).optional(),
    messages: z.array(messageSchema).min(1, "must hold at least one message").max(200),
  })
  .superRefine((body, ctx) => {
    const problem = lastMessageProblem(body.messages);
    if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["messages"] });
  });

export type ChatRequest = z.infer<typeof chatRequestSchema>;

/** The question (last user message) and the conversation before it, as /api/ask takes them. */
export function toQuestion(body: ChatRequest): { question: string; history: HistoryMessage[] } {
  const texts = body.messages
    .filter((m) => m.role !== "system")
    .map((m) => ({ role: m.role as HistoryMessage["role"], content: textOf(m) }))
    .filter((m) => m.content);
  const last = texts.at(-1);
  return { question: last?.role === "user" ? last.content : "", history: texts.slice(0, -1).slice(-20) };
}
