import { createHash, timingSafeEqual } from "node:crypto";
import { apiKeys } from "@/lib/env";

const digest = (key: string) => createHash("sha256").update(key).digest();

/**
 * Whether a presented key is one of the keys. Keys are compared as SHA-256 digests with
 * timingSafeEqual (equal lengths, constant time), and against every key, so neither the time
 * taken nor an early exit tells how close a guess came or which key matched.
 */
export function keyChecker(keys: string[]): (presented: string) => boolean {
  const digests = keys.map(digest);
  return (presented) => {
    const candidate = digest(presented);
    let found = false;
    for (const d of digests) found = timingSafeEqual(d, candidate) || found;
    return found;
  };
}

/** The key of an `Authorization: Bearer <key>` header, if any. */
export function bearerKey(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

/**
 * A request the app's own pages made from a browser: the browser says it comes from this
 * origin (Sec-Fetch-Site, which page scripts cannot set) and its Origin, when sent, is this host
 * (as the client addressed it: behind a reverse proxy, X-Forwarded-Host).
 * A program can send these headers too: see README, "API keys", for what this lets through.
 */
export function fromOwnPage(headers: Headers): boolean {
  if (headers.get("sec-fetch-site") !== "same-origin") return false;
  const origin = headers.get("origin");
  if (!origin) return true;
  try {
    const host = new URL(origin).host;
    return host === headers.get("host") || host === headers.get("x-forwarded-host");
  } catch {
    return false;
  }
}

/** The paths that need a key; of them, only /api serves the app's pages (/v1 and /mcp are for programs only). */
export function keyScope(pathname: string): "pages-api" | "programs" | null {
  if (pathname.startsWith("/api/")) return "pages-api";
  if (pathname.startsWith("/v1/") || pathname === "/mcp" || pathname.startsWith("/mcp/")) return "programs";
  return null;
}

const MESSAGE = "This API needs a key: send it as \"Authorization: Bearer <key>\".";

/** 401 in the route's error shape: OpenAI's for /v1, ours elsewhere. */
function unauthorized(pathname: string, presented: boolean): Response {
  const message = presented ? "The API key is not valid." : MESSAGE;
  const body = pathname.startsWith("/v1/")
    ? { error: { message, type: "invalid_request_error", code: "invalid_api_key" } }
    : { error: { code: "unauthorized", message } };
  return Response.json(body, { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="api"' } });
}

type Keys = { any: boolean; check: (key: string) => boolean };

let configured: Keys | undefined;

/** The server's keys (API_KEYS, API_KEYS_FILE), digested once. */
function configuredKeys(): Keys {
  if (!configured) {
    const keys = apiKeys();
    configured = { any: keys.length > 0, check: keyChecker(keys) };
  }
  return configured;
}

/** A 401 for a request that needs a key and lacks a valid one; null lets it through. No keys: everything is open. */
export function refuseWithoutKey(pathname: string, headers: Headers, keys: Keys = configuredKeys()): Response | null {
  const scope = keyScope(pathname);
  if (!keys.any || !scope) return null;
  const key = bearerKey(headers);
  if (key !== null && keys.check(key)) return null;
  if (key === null && scope === "pages-api" && fromOwnPage(headers)) return null;
  return unauthorized(pathname, key !== null);
}
