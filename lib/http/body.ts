import { AppError } from "@/lib/errors";

/** Request bodies over this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Only JSON is read. A page on another site can make a visitor's browser POST text/plain or a
 * form without asking first; application/json needs a CORS preflight, which this server never grants.
 */
function requireJson(request: Request): void {
  const type = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (type !== "application/json") {
    const got = type ? `"${type.slice(0, 100)}"` : "none";
    throw new AppError("unsupported_media_type", `The request body must be JSON sent with "Content-Type: application/json" (got ${got}).`);
  }
}

/** Reads a JSON body within the size limit; not JSON by its type is a 415, bad JSON a 400, too much a 413. */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  requireJson(request);
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const text = await readLimited(request, limit);
  if (!text.trim()) throw new AppError("bad_request", "The request body is empty: send a JSON object.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
}

function tooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than the ${limit / 1024} KB limit.`);
}

async function readLimited(request: Request, limit: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
