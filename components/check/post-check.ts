import type { CheckResponse } from "@/lib/types";

/**
 * Sends a text to `POST /api/check`. A non-2xx answer throws an Error holding the JSON error body, as the
 * chat's transport does, so the same words describe it; a network failure throws the browser's TypeError.
 */
export async function postCheck(text: string, signal?: AbortSignal): Promise<CheckResponse> {
  const response = await fetch("/api/check", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text }),
    signal,
  });
  const body = await response.text();
  if (!response.ok) throw new Error(body);
  let result: Partial<CheckResponse>;
  try {
    result = JSON.parse(body) as Partial<CheckResponse>;
  } catch {
    throw new Error("The server's answer could not be read.");
  }
  if (!Array.isArray(result?.claims) || !result.counts) throw new Error("The server's answer is not a check result.");
  return result as CheckResponse;
}
