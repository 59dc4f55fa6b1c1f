import { getCollection } from "@/lib/engine/collection";
import { errorResponse } from "@/lib/errors";
import { methodsOtherThan } from "@/lib/http/methods";
import { openApiDocument } from "@/lib/openapi/document";

export const runtime = "nodejs";

/** Generated from the routes' schemas on each request: cheap, and never out of date. */
export async function GET() {
  try {
    return Response.json(openApiDocument((await getCollection()).name));
  } catch (error) {
    return errorResponse(error);
  }
}

export const { POST, PUT, PATCH, DELETE } = methodsOtherThan("GET");
