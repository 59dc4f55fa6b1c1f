import { createUIMessageStreamResponse } from "ai";
import { chatStream } from "@/lib/engine/chat-stream";
import { getEngine } from "@/lib/engine/engine";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/body";
import { streamInTurn } from "@/lib/http/concurrency";
import { methodsOtherThan } from "@/lib/http/methods";
import { limitRate } from "@/lib/http/rate-limit";
import { askRequestSchema } from "@/lib/schemas/ask";
import { chatRequestSchema, toQuestion } from "@/lib/schemas/chat";
import { parseOrThrow } from "@/lib/schemas/parse";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    limitRate(request);
    const body = parseOrThrow(chatRequestSchema, await readJsonBody(request));
    const { question, history } = parseOrThrow(askRequestSchema, toQuestion(body));
    const stream = await streamInTurn(request.signal, async () => {
      await getEngine(); // a missing index is a 503 before the stream starts, not an error inside it
      // The request's signal ends the model call when the user presses Stop.
      return chatStream(question, history ?? [], request.signal);
    });
    return createUIMessageStreamResponse({ stream });
  } catch (error) {
    return errorResponse(error);
  }
}

export const { GET, HEAD, PUT, PATCH, DELETE } = methodsOtherThan("POST");
