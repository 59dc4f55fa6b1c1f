import { z } from "zod";

/** Most passages one question may retrieve (API.md). */
export const MAX_ASK_K = 20;

export const historyMessageSchema = z.object({
  role: z.enum(["user", "assistant"]),
  content: z.string().max(20_000),
});

/** POST /api/ask, and each line of `npm run ask -- --jsonl`. */
export const askRequestSchema = z.object({
  question: z.string().trim().min(1, "must not be empty").max(2000, "must be at most 2000 characters"),
  k: z.number().int().min(1).max(MAX_ASK_K).optional(),
  history: z.array(historyMessageSchema).max(20).optional(),
});

export type AskRequest = z.infer<typeof askRequestSchema>;
