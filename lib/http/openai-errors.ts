import { toAppError, type AppError } from "@/lib/errors";
import { refusedMethods } from "./methods";

/** OpenAI's error `type` for our error's status. */
function openAiType(status: number): string {
  if (status === 429) return "rate_limit_error";
  if (status >= 500) return "server_error";
  return "invalid_request_error";
}

/** Any thrown value as an OpenAI-style error: `{ error: { message, type, code, param } }`, with our status and headers. */
export function openAiErrorResponse(error: unknown): Response {
  const e: AppError = toAppError(error);
  const body = { error: { message: e.messageForClient(), type: openAiType(e.status), code: e.code, param: e.param ?? null } };
  return Response.json(body, { status: e.status, headers: e.headers });
}

/** Like methodsOtherThan, with OpenAI-shaped 405 bodies for the /v1 routes. */
export function openAiMethodsOtherThan(...served: Parameters<typeof refusedMethods>[0]) {
  return refusedMethods(served, openAiErrorResponse);
}
