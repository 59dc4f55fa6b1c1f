/** The one error type the app throws on purpose; anything else becomes a 500 with no details. */

export type ErrorCode =
  | "bad_request"
  | "not_found"
  | "model_not_found"
  | "method_not_allowed"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "busy"
  | "index_missing"
  | "index_incompatible"
  | "bad_input"
  | "internal";

const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  not_found: 404,
  model_not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  busy: 503,
  index_missing: 503,
  index_incompatible: 503,
  bad_input: 400,
  internal: 500,
};

/**
 * What HTTP clients are told instead of the message, for codes whose message is for the
 * operator: it may name server files or quote their bytes. The message goes to the log.
 */
const publicMessageByCode: Partial<Record<ErrorCode, string>> = {
  index_incompatible:
    "The server's index is damaged, outdated or built with another embedder: run `npm run ingest` to rebuild it (the server log has the details).",
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Response headers that tell the client what to do next (Allow, Retry-After). */
  readonly headers: Record<string, string>;
  /** The request field at fault, when there is one (OpenAI-style errors name it). */
  readonly param?: string;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; headers?: Record<string, string>; param?: string }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
    this.status = statusByCode[code];
    this.headers = options?.headers ?? {};
    this.param = options?.param;
  }

  /** The message as clients outside the server see it; a hidden detail goes to the server log. */
  messageForClient(): string {
    const message = publicMessageByCode[this.code];
    if (!message) return this.message;
    console.error(`${this.code}: ${this.message}`);
    return message;
  }

  toJSON() {
    return { error: { code: this.code, message: this.message } };
  }

  toResponse(): Response {
    return Response.json({ error: { code: this.code, message: this.messageForClient() } }, { status: this.status, headers: this.headers });
  }
}

/** Maps any thrown value to an AppError; unexpected ones are logged and hidden from the user. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  console.error("Unexpected error:", error);
  return new AppError("internal", "Something went wrong on the server. Please try again.");
}

export function errorResponse(error: unknown): Response {
  return toAppError(error).toResponse();
}
