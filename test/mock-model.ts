import { APICallError, simulateReadableStream } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import type { LlmSetup } from "@/lib/answer/llm/model";

/** Helpers for the AI SDK's mock language model (ai/test). */

// Derived rather than imported: @ai-sdk/provider is only a dependency of ai.
type CallOptions = MockLanguageModelV3["doStreamCalls"][number];
type StreamPart = Awaited<ReturnType<MockLanguageModelV3["doStream"]>>["stream"] extends ReadableStream<infer T> ? T : never;

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 10, text: 10, reasoning: 0 },
};

/** A model that streams the given deltas, optionally failing after them. */
export function streamingModel(deltas: string[], options: { fail?: unknown; chunkDelayInMs?: number } = {}): MockLanguageModelV3 {
  const chunks: StreamPart[] = [
    { type: "stream-start", warnings: [] },
    { type: "text-start", id: "t" },
    ...deltas.map((delta): StreamPart => ({ type: "text-delta", id: "t", delta })),
  ];
  if (options.fail) chunks.push({ type: "error", error: options.fail });
  else chunks.push({ type: "text-end", id: "t" }, { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage });
  return new MockLanguageModelV3({
    doStream: async () => ({ stream: simulateReadableStream({ chunks, chunkDelayInMs: options.chunkDelayInMs ?? null, initialDelayInMs: null }) }),
  });
}

/** A model that writes its reply from the prompt it gets (to cite passages by what they say). */
export function replyingModel(reply: (prompt: ReturnType<typeof promptOf>) => string): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    doStream: async (call) => {
      const text = reply(promptOf(call));
      const pieces = text.match(/[^]{1,4}/g) ?? [];
      return {
        stream: simulateReadableStream({
          chunks: [
            { type: "stream-start", warnings: [] },
            { type: "text-start", id: "t" },
            ...pieces.map((delta): StreamPart => ({ type: "text-delta", id: "t", delta })),
            { type: "text-end", id: "t" },
            { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage },
          ] as StreamPart[],
          chunkDelayInMs: null,
          initialDelayInMs: null,
        }),
      };
    },
  });
}

/** The passages of a prompt by number, as lib/answer/llm/prompt.ts writes them. */
export function promptPassages(user: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of user.matchAll(/<passage n="(\d+)"[^>]*>\n([^]*?)\n<\/passage>/g)) out.set(Number(m[1]), m[2]);
  return out;
}

/** A model whose call fails before any text, as a provider does with 429, 500 or a refused key. */
export function failingModel(statusCode: number, message = "provider error"): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    doStream: async () => {
      throw new APICallError({ message, url: "http://provider/v1/chat/completions", requestBodyValues: {}, statusCode, isRetryable: statusCode >= 429 });
    },
  });
}

/** A model that never answers until aborted. */
export function hangingModel(): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    doStream: ({ abortSignal }) =>
      new Promise((_, reject) => abortSignal?.addEventListener("abort", () => reject(abortSignal.reason ?? new Error("aborted")))),
  });
}

export function llmSetup(model: MockLanguageModelV3, timeoutMs = 5000): LlmSetup {
  return { name: "mock:test", timeoutMs, secrets: ["sk-mock-secret"], model };
}

/** The system prompt and the text of every message of a recorded call. */
export function promptOf(call: CallOptions): { system: string; user: string; messages: { role: string; text: string }[] } {
  const messages = call.prompt.map((m) => ({
    role: m.role,
    text: typeof m.content === "string" ? m.content : m.content.map((p) => ("text" in p ? p.text : "")).join(""),
  }));
  return {
    system: messages.filter((m) => m.role === "system").map((m) => m.text).join("\n"),
    user: messages.filter((m) => m.role === "user").at(-1)?.text ?? "",
    messages,
  };
}
