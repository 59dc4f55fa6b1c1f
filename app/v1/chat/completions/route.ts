import { chatCompletion, chatCompletionStream } from "@/lib/engine/chat-completions";
import { getEngine } from "@/lib/engine/engine";
import { readJsonBody } from "@/lib/http/body";
import { inTurn, streamInTurn } from "@/lib/http/concurrency";
import { requestOrigin } from "@/lib/http/origin";
import { openAiErrorResponse, openAiMethodsOtherThan } from "@/lib/http/openai-errors";
import { limitRate } from "@/lib/http/rate-limit";
import { chatCompletionRequestSchema } from "@/lib/schemas/chat-completions";
import { parseOrThrow } from "@/lib/schemas/parse";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    limitRate(request);
    const body = parseOrThrow(chatCompletionRequestSchema, await readJsonBody(request));
    const origin = requestOrigin(request);
    if (!body.stream) return Response.json(await inTurn(request.signal, () => chatCompletion(body, origin)));
    const stream = await streamInTurn(request.signal, async () => {
      await getEngine(); // a missing index is a 503 before the stream starts, not an error inside it
      return chatCompletionStream(body, origin, request.signal);
    });
    return new Response(stream, { headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive" } });
  } catch (error) {
    return openAiErrorResponse(error);
  }
}

export const { GET, HEAD, PUT, PATCH, DELETE } = openAiMethodsOtherThan("POST");
