import { getDocument } from "@/lib/engine/documents";
import { errorResponse } from "@/lib/errors";
import { docIdSchema } from "@/lib/schemas/document";
import { parseOrThrow } from "@/lib/schemas/parse";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ docId: string }> }) {
  try {
    const { docId } = await context.params;
    return Response.json(await getDocument(parseOrThrow(docIdSchema, docId)));
  } catch (error) {
    return errorResponse(error);
  }
}
