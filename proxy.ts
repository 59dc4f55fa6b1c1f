import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { keyScope, refuseWithoutKey } from "@/lib/http/api-keys";

/**
 * Scripts run only from this origin and with this response's nonce ('strict-dynamic' lets
 * them load the app's chunks); Next.js puts the nonce on its own inline scripts when it finds
 * it in the request's Content-Security-Policy. Styles likewise (React sets element styles
 * through the DOM, which a policy does not restrict).
 */
function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development"; // React's dev tools use eval
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A path whose %-escapes do not spell UTF-8 ("/api/documents/%") is refused here: Next.js would answer 500. */
function undecodable(pathname: string): Response | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    return new AppError("bad_request", `The path ${pathname.slice(0, 200)} is not valid: its %-escapes must spell UTF-8 text.`).toResponse();
  }
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const refused = undecodable(pathname) ?? refuseWithoutKey(pathname, request.headers);
  if (refused) return refused;
  if (keyScope(pathname)) return NextResponse.next(); // APIs serve no page: no policy needed
  const policy = contentSecurityPolicy(btoa(crypto.randomUUID()));
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Not the build's static files: they carry no page and need no nonce.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
