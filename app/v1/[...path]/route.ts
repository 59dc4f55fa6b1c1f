import { AppError } from "@/lib/errors";
import { openAiErrorResponse } from "@/lib/http/openai-errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Any /v1 path no route serves (embeddings, responses…): an OpenAI-style 404 rather than the HTML page. */
function notFound(request: Request): Response {
  const { pathname } = new URL(request.url);
  const message = `There is no route ${request.method} ${pathname.slice(0, 200)}: this server serves POST /v1/chat/completions and GET /v1/models.`;
  return openAiErrorResponse(new AppError("not_found", message));
}

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
