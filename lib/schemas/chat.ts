import { z } from "zod";
import type { HistoryMessage } from "@/lib/types";

const partSchema = z.looseObject({ type: z.string() });

const messageSchema = z.looseObject({
  id: z.string().optional(),
  role: z.enum(["user", "assistant", "system"]),
  parts: z.array(partSchema).max(200),
});

/** POST /api/chat, as @ai-sdk/react's useChat sends it. */
export const chatRequestSchema = z
  .looseObject({
    id: z.string().max(200).optional(),
    messages: z.array(messageSchema).min(1, "must hold at least one message").max(200),
  })
  .refine((body) => body.messages.at(-1)?.role === "user", { message: "the last message must be the user's", path: ["messages"] });

export type ChatRequest = z.infer<typeof chatRequestSchema>;

function textOf(message: ChatRequest["messages"][number]): string {
  return message.parts
    .filter((p) => p.type === "text" && typeof p.text === "string")
    .map((p) => p.text as string)
    .join("")
    .trim();
}

/** The question (last user message) and the conversation before it, as /api/ask takes them. */
export function toQuestion(body: ChatRequest): { question: string; history: HistoryMessage[] } {
  const texts = body.messages
    .filter((m) => m.role !== "system")
    .map((m) => ({ role: m.role as HistoryMessage["role"], content: textOf(m) }))
    .filter((m) => m.content);
  const last = texts.at(-1);
  return { question: last?.role === "user" ? last.content : "", history: texts.slice(0, -1).slice(-20) };
}
