/** Turns whatever useChat reports as an error into words for people. */

export type ChatErrorInfo = { title: string; detail: string; code?: string };

type ErrorBody = { error?: { code?: unknown; message?: unknown } };

/** The transport throws `new Error(await response.text())` on a non-2xx answer: the body is our JSON error. */
function parseBody(message: string): { code?: string; message?: string } | null {
  const trimmed = message.trim();
  if (!trimmed.startsWith("{")) return null;
  try {
    const body = JSON.parse(trimmed) as ErrorBody;
    if (!body || typeof body !== "object" || !body.error) return null;
    return {
      code: typeof body.error.code === "string" ? body.error.code : undefined,
      message: typeof body.error.message === "string" ? body.error.message : undefined,
    };
  } catch {
    return null;
  }
}

export function describeChatError(error: Error): ChatErrorInfo {
  const raw = error.message ?? "";
  const body = parseBody(raw);
  if (body) {
    switch (body.code) {
      case "rate_limited":
        return {
          code: body.code,
          title: "Too many questions at once",
          detail: body.message ?? "The server is busy. Wait a few seconds, then try again.",
        };
      case "index_missing":
      case "index_incompatible":
        return {
          code: body.code,
          title: "The document index is not ready",
          detail: body.message ?? "Run `npm run ingest` on the server, then try again.",
        };
      case "payload_too_large":
        return {
          code: body.code,
          title: "This conversation is too long",
          detail: body.message ?? "Start a new chat and ask again.",
        };
      case "bad_request":
      case "bad_input":
        return { code: body.code, title: "The question could not be sent", detail: body.message ?? raw };
      default:
        return {
          code: body.code,
          title: "The server could not answer",
          detail: body.message ?? "The server could not answer. Please try again.",
        };
    }
  }
  if (error.name === "TypeError" || /failed to fetch|networkerror|load failed|network/i.test(raw)) {
    return {
      code: "network",
      title: "Can't reach the server",
      detail: "Check your connection, or that the server is running, then try again.",
    };
  }
  if (/^\s*</.test(raw) || !raw.trim()) {
    return { title: "Something went wrong", detail: "The server could not answer. Please try again." };
  }
  return { title: "Something went wrong", detail: raw.length > 300 ? `${raw.slice(0, 300)}…` : raw };
}
