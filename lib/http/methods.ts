import { AppError } from "@/lib/errors";

/** The methods Next.js route handlers can serve; HEAD and OPTIONS it answers itself where a route has GET. */
const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;

type RouteMethod = (typeof ROUTE_METHODS)[number];

type MethodHandlers = Record<RouteMethod, () => Response>;

/** 405 handlers for the methods a route does not serve, each error shaped by `respond`. */
export function refusedMethods(served: RouteMethod[], respond: (error: AppError) => Response): MethodHandlers {
  const allow = [...served, ...(served.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse = (method: string) => () =>
    respond(new AppError("method_not_allowed", `${method} is not allowed here: use ${served.join(" or ")}.`, { headers: { Allow: allow } }));
  return Object.fromEntries(ROUTE_METHODS.map((m) => [m, refuse(m)])) as MethodHandlers;
}

/**
 * 405 handlers, with a JSON body and an Allow header, for the methods a route does not serve
 * (Next.js would answer them with an empty 405). A route exports the ones it lacks:
 * `export const { GET, PUT, PATCH, DELETE } = methodsOtherThan("POST");`
 */
export function methodsOtherThan(...served: RouteMethod[]): MethodHandlers {
  return refusedMethods(served, (error) => error.toResponse());
}
