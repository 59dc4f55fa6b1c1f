import { getDocument } from "@/lib/engine/documents";
import { errorResponse } from "@/lib/errors";
import { methodsOtherThan } from "@/lib/http/methods";
import { documentRequestSchema } from "@/lib/schemas/document";
import { parseOrThrow } from "@/lib/schemas/parse";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ docId: string }> }) {
  try {
    const { docId } = parseOrThrow(documentRequestSchema, await context.params);
    return Response.json(await getDocument(docId));
  } catch (error) {
    return errorResponse(error);
  }
}

export const { POST, PUT, PATCH, DELETE } = methodsOtherThan("GET");
