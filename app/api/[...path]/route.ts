import { AppError } from "@/lib/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Any /api path no route serves: a JSON 404 rather than the HTML page. */
function notFound(request: Request): Response {
  const { pathname } = new URL(request.url);
  return new AppError("not_found", `There is no API route ${request.method} ${pathname.slice(0, 200)}: the README lists the routes.`).toResponse();
}

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
