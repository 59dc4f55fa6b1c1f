import { methodsOtherThan } from "@/lib/http/methods";
import { openApiDocument } from "@/lib/openapi/document";

export const runtime = "nodejs";

/** Generated from the routes' schemas on each request: cheap, and never out of date. */
export function GET() {
  return Response.json(openApiDocument());
}

export const { POST, PUT, PATCH, DELETE } = methodsOtherThan("GET");
