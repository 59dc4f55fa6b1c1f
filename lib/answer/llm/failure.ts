import { APICallError, LoadAPIKeyError, RetryError } from "ai";
import { redact } from "@/lib/redact";

/** The model did not finish within LLM_TIMEOUT_MS. */
export class LlmTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = "LlmTimeoutError";
  }
}

/** The model answered with no text at all. */
export class LlmEmptyAnswerError extends Error {
  constructor() {
    super("the model returned no text");
    this.name = "LlmEmptyAnswerError";
  }
}

/**
 * Why the model failed, in words fit for the user: from a fixed set, never the provider's own
 * message (which may echo the request or part of the key).
 */
export function failureReason(error: unknown): string {
  const cause = RetryError.isInstance(error) ? error.lastError : error;
  if (cause instanceof LlmTimeoutError) return `no answer within ${cause.timeoutMs / 1000} s`;
  if (cause instanceof LlmEmptyAnswerError) return "it returned no text";
  if (LoadAPIKeyError.isInstance(cause)) return "no API key is configured";
  if (APICallError.isInstance(cause)) {
    const status = cause.statusCode;
    if (status === 429) return "rate limited";
    if (status === 401 || status === 403) return "the API key was refused";
    if (status === 404) return "the model was not found";
    return status ? `error ${status} from the provider` : "the provider could not be reached";
  }
  if (cause instanceof TypeError || (cause as { code?: string })?.code === "ECONNREFUSED") return "the provider could not be reached";
  return "an unexpected error";
}

/** One line on the server log: the reason and the provider's message, scrubbed; never the error object. */
export function logFailure(model: string, reason: string, error: unknown, secrets: string[]): void {
  const cause = RetryError.isInstance(error) ? error.lastError : error;
  const detail = cause instanceof Error ? redact(cause.message, secrets).slice(0, 300) : "";
  console.warn(`Language model ${model} failed (${reason}); answered extractively.${detail ? ` Detail: ${detail}` : ""}`);
}
