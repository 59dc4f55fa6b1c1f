import { search } from "@/lib/engine/search";
import { errorResponse } from "@/lib/errors";
import { inTurn } from "@/lib/http/concurrency";
import { methodsOtherThan } from "@/lib/http/methods";
import { limitRate } from "@/lib/http/rate-limit";
import { parseOrThrow } from "@/lib/schemas/parse";
import { searchRequestSchema } from "@/lib/schemas/search";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    limitRate(request);
    const params = parseOrThrow(searchRequestSchema, Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(await inTurn(request.signal, () => search(params)));
  } catch (error) {
    return errorResponse(error);
  }
}

export const { POST, PUT, PATCH, DELETE } = methodsOtherThan("GET");
