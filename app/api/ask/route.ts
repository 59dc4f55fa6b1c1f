import { ask } from "@/lib/engine/ask";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/body";
import { askRequestSchema } from "@/lib/schemas/ask";
import { parseOrThrow } from "@/lib/schemas/parse";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const body = parseOrThrow(askRequestSchema, await readJsonBody(request));
    return Response.json(await ask(body));
  } catch (error) {
    return errorResponse(error);
  }
}
