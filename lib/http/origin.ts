/**
 * The origin the client called, for absolute links in responses. `request.url` names the
 * address Next.js listens on (localhost), not the host the client used: the Host header does,
 * and a proxy in front says the scheme in X-Forwarded-Proto.
 */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host")?.split(",")[0].trim() || request.headers.get("host") || url.host;
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0].trim() || url.protocol.slice(0, -1);
  return `${proto}://${host}`;
}
