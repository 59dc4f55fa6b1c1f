import { listDocuments } from "@/lib/engine/documents";
import { errorResponse } from "@/lib/errors";
import { methodsOtherThan } from "@/lib/http/methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET() {
  try {
    return Response.json(await listDocuments());
  } catch (error) {
    return errorResponse(error);
  }
}

export const { POST, PUT, PATCH, DELETE } = methodsOtherThan("GET");
