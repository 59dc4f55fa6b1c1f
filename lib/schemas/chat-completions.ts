import { z } from "zod";
import type { HistoryMessage } from "@/lib/types";
import { MAX_QUESTION_CHARS } from "./ask";

/** Content as OpenAI clients send it: a string, or parts of which the text ones are read. */
const contentSchema = z.union([z.string(), z.array(z.looseObject({ type: z.string(), text: z.string().optional() })).max(200), z.null()]).optional();

const messageSchema = z.looseObject({
  role: z.enum(["system", "developer", "user", "assistant", "tool", "function"]),
  content: contentSchema,
});

type Message = z.infer<typeof messageSchema>;

function textOf(message: Message): string {
  const { content } = message;
  if (typeof content === "string") return content.trim();
  return (content ?? [])
    .filter((p) => p.type === "text" && typeof p.text === "string")
    .map((p) => p.text)
    .join("")
    .trim();
}

/** Turns of the conversation: system, developer and tool messages are not part of it. */
const conversation = (messages: Message[]) => messages.filter((m) => m.role === "user" || m.role === "assistant");

function lastMessageProblem(messages: Message[]): string | null {
  const last = conversation(messages).at(-1);
  if (!last) return "there is no user message: send the question as { role: \"user\", content }";
  if (last.role !== "user") return "the last message must be the user's";
  const text = textOf(last);
  if (!text) return "the last user message has no text";
  if (text.length > MAX_QUESTION_CHARS) return `the last user message must be at most ${MAX_QUESTION_CHARS} characters`;
  return null;
}

/**
 * POST /v1/chat/completions, as OpenAI clients send it. Parameters that change nothing here
 * (temperature, top_p, max_tokens, tools…) are accepted and ignored.
 */
export const chatCompletionRequestSchema = z
  .looseObject({
    model: z.string().min(1, "must name a model: GET /v1/models lists them").max(200),
    messages: z.array(messageSchema).min(1, "must hold at least one message").max(200),
    stream: z.boolean().nullish(),
    stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
    n: z.literal(1, "only n=1 is supported").nullish(),
  })
  .superRefine((body, ctx) => {
    const problem = lastMessageProblem(body.messages);
    if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["messages"] });
  });

export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

/** The question (last user message) and the turns before it, as /api/ask takes them. */
export function toQuestion(body: ChatCompletionRequest): { question: string; history: HistoryMessage[] } {
  const turns = conversation(body.messages)
    .map((m) => ({ role: m.role as HistoryMessage["role"], content: textOf(m) }))
    .filter((m) => m.content);
  return { question: turns.at(-1)?.content ?? "", history: turns.slice(0, -1).slice(-20) };
}
