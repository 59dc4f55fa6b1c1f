import { search } from "@/lib/engine/search";
import { errorResponse } from "@/lib/errors";
import { parseOrThrow } from "@/lib/schemas/parse";
import { searchRequestSchema } from "@/lib/schemas/search";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    return Response.json(await search(parseOrThrow(searchRequestSchema, params)));
  } catch (error) {
    return errorResponse(error);
  }
}
