import { z } from "zod";
import { getDocument } from "@/lib/engine/documents";
import { errorResponse } from "@/lib/errors";
import { methodsOtherThan } from "@/lib/http/methods";
import { docIdSchema } from "@/lib/schemas/document";
import { parseOrThrow } from "@/lib/schemas/parse";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const paramsSchema = z.object({ docId: docIdSchema });

export async function GET(_request: Request, context: { params: Promise<{ docId: string }> }) {
  try {
    const { docId } = parseOrThrow(paramsSchema, await context.params);
    return Response.json(await getDocument(docId));
  } catch (error) {
    return errorResponse(error);
  }
}

export const { POST, PUT, PATCH, DELETE } = methodsOtherThan("GET");
