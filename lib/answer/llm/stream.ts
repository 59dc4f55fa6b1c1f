import { streamText, type LanguageModel, type ModelMessage } from "ai";
import { LlmTimeoutError } from "./failure";

export type ModelCall = {
  model: LanguageModel;
  system: string;
  messages: ModelMessage[];
  timeoutMs: number;
  /** The client went away: stop quietly. */
  signal?: AbortSignal;
};

/** Low temperature: the answer should restate the passages, not embroider them. */
const SETTINGS = { temperature: 0, maxOutputTokens: 700 } as const;

/**
 * The model's text as it streams. Errors surface as exceptions (a timeout as LlmTimeoutError)
 * instead of ending the stream quietly, so the caller can fall back. No retries: a failed call
 * is answered extractively at once rather than after back-off.
 */
export async function* modelText(call: ModelCall): AsyncGenerator<string> {
  const result = streamText({
    model: call.model,
    system: call.system,
    messages: call.messages,
    ...SETTINGS,
    maxRetries: 0,
    timeout: { totalMs: call.timeoutMs },
    abortSignal: call.signal,
    // The default handler prints the whole error object (request body, provider response) to the log.
    onError: () => {},
  });
  for await (const part of result.fullStream) {
    if (part.type === "text-delta") yield part.text;
    else if (part.type === "error") throw part.error;
    else if (part.type === "abort") {
      if (call.signal?.aborted) return;
      throw new LlmTimeoutError(call.timeoutMs);
    }
  }
}
