import { verify } from "@/lib/engine/verify";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/body";
import { parseOrThrow } from "@/lib/schemas/parse";
import { verifyRequestSchema } from "@/lib/schemas/verify";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const body = parseOrThrow(verifyRequestSchema, await readJsonBody(request));
    return Response.json(await verify(body));
  } catch (error) {
    return errorResponse(error);
  }
}
