import { z } from "zod";

/** Most passages one question may retrieve (API.md). */
export const MAX_ASK_K = 20;

/** Longest question (API.md). */
export const MAX_QUESTION_CHARS = 2000;

export const historyMessageSchema = z.object({
  role: z.enum(["user", "assistant"]),
  content: z.string().max(20_000),
});

/** POST /api/ask, and each line of `npm run ask -- --jsonl`. */
export const askRequestSchema = z.object({
  question: z.string().trim().min(1, "must not be empty").max(MAX_QUESTION_CHARS, `must be at most ${MAX_QUESTION_CHARS} characters`),
  k: z.number().int().min(1).max(MAX_ASK_K).optional(),
  history: z.array(historyMessageSchema).max(20).optional(),
});

export type AskRequest = z.infer<typeof askRequestSchema>;
