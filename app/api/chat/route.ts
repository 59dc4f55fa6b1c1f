import { createUIMessageStreamResponse } from "ai";
import { chatStream } from "@/lib/engine/chat-stream";
import { getEngine } from "@/lib/engine/engine";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/body";
import { chatRequestSchema, toQuestion } from "@/lib/schemas/chat";
import { parseOrThrow } from "@/lib/schemas/parse";
import { askRequestSchema } from "@/lib/schemas/ask";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const body = parseOrThrow(chatRequestSchema, await readJsonBody(request));
    const { question, history } = parseOrThrow(askRequestSchema, toQuestion(body));
    await getEngine(); // a missing index is a 503 before the stream starts, not an error inside it
    // The request's signal ends the model call when the user presses Stop.
    return createUIMessageStreamResponse({ stream: chatStream(question, history ?? [], request.signal) });
  } catch (error) {
    return errorResponse(error);
  }
}
