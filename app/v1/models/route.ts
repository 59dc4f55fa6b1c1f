import { listModels } from "@/lib/engine/chat-completions";
import { openAiMethodsOtherThan } from "@/lib/http/openai-errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(listModels());
}

export const { POST, PUT, PATCH, DELETE } = openAiMethodsOtherThan("GET");
