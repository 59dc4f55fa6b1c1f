import { AppError } from "@/lib/errors";

/** Request bodies over this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Reads a JSON body within the size limit; bad JSON is a 400, too much is a 413. */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
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
