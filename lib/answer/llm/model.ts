import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import { env, type Env } from "@/lib/env";

export const DEFAULT_OPENAI_MODEL = "gpt-4o-mini";

/**
 * The configured language model, or why it cannot be used. A misconfiguration does not stop
 * the server: each answer falls back to the extractive answerer with a note saying why.
 */
export type LlmSetup = {
  /** As AskResponse.model names it: "openai:gpt-4o-mini", "openai-compatible:llama3.1". */
  name: string;
  timeoutMs: number;
  /** The keys to scrub from anything logged (see ./failure.ts). */
  secrets: string[];
} & ({ model: LanguageModel } | { problem: string });

function modelFor(e: Env): { model: LanguageModel } | { problem: string } {
  if (e.LLM_PROVIDER === "openai") {
    if (!e.OPENAI_API_KEY) return { problem: "OPENAI_API_KEY is not set" };
    // Chat Completions rather than the Responses API: every OpenAI-style proxy speaks it.
    const openai = createOpenAI({ apiKey: e.OPENAI_API_KEY, ...(e.LLM_BASE_URL ? { baseURL: e.LLM_BASE_URL } : {}) });
    return { model: openai.chat(e.LLM_MODEL ?? DEFAULT_OPENAI_MODEL) };
  }
  if (!e.LLM_BASE_URL) return { problem: "LLM_BASE_URL is not set" };
  if (!e.LLM_MODEL) return { problem: "LLM_MODEL is not set" };
  const provider = createOpenAICompatible({ name: "openai-compatible", baseURL: e.LLM_BASE_URL, ...(e.LLM_API_KEY ? { apiKey: e.LLM_API_KEY } : {}) });
  return { model: provider.chatModel(e.LLM_MODEL) };
}

/** The language model LLM_PROVIDER asks for, or null for the built-in extractive answerer. */
export function llmFromEnv(e: Env = env()): LlmSetup | null {
  if (e.LLM_PROVIDER === "extractive") return null;
  const model = e.LLM_PROVIDER === "openai" ? (e.LLM_MODEL ?? DEFAULT_OPENAI_MODEL) : (e.LLM_MODEL ?? "default");
  return {
    name: `${e.LLM_PROVIDER}:${model}`,
    timeoutMs: e.LLM_TIMEOUT_MS,
    secrets: [e.OPENAI_API_KEY, e.LLM_API_KEY].filter((k): k is string => !!k),
    ...modelFor(e),
  };
}

let cached: { setup: LlmSetup | null } | undefined;

/** The process's language model, set up once. */
export function configuredLlm(): LlmSetup | null {
  cached ??= { setup: llmFromEnv() };
  return cached.setup;
}
