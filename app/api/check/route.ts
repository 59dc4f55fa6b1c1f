import { check } from "@/lib/engine/check";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/body";
import { inTurn } from "@/lib/http/concurrency";
import { methodsOtherThan } from "@/lib/http/methods";
import { limitRate } from "@/lib/http/rate-limit";
import { checkRequestSchema } from "@/lib/schemas/check";
import { parseOrThrow } from "@/lib/schemas/parse";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    limitRate(request);
    const body = parseOrThrow(checkRequestSchema, await readJsonBody(request));
    return Response.json(await inTurn(request.signal, () => check(body)));
  } catch (error) {
    return errorResponse(error);
  }
}

export const { GET, HEAD, PUT, PATCH, DELETE } = methodsOtherThan("POST");
