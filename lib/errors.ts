/** The one error type the app throws on purpose; anything else becomes a 500 with no details. */

export type ErrorCode =
  | "bad_request"
  | "not_found"
  | "payload_too_large"
  | "rate_limited"
  | "index_missing"
  | "index_incompatible"
  | "bad_input"
  | "internal";

const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  not_found: 404,
  payload_too_large: 413,
  rate_limited: 429,
  index_missing: 503,
  index_incompatible: 503,
  bad_input: 400,
  internal: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
    this.status = statusByCode[code];
  }

  toJSON() {
    return { error: { code: this.code, message: this.message } };
  }

  toResponse(): Response {
    return Response.json(this.toJSON(), { status: this.status });
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
