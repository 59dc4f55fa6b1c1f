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

const INDEX_NOT_READY = { title: "The document index is not ready", detail: "Run `npm run ingest` on the server, then try again." };
const QUESTION_NOT_SENT = { title: "The question could not be sent" };
const TRY_AGAIN = "The server could not answer. Please try again.";

/**
 * What to say for each error code the API sends. The server's own message replaces `detail` when it has
 * one; with neither (a bad question), the raw body is shown.
 */
const BY_CODE: Record<string, { title: string; detail?: string }> = {
  rate_limited: { title: "Too many questions at once", detail: "The server is busy. Wait a few seconds, then try again." },
  index_missing: INDEX_NOT_READY,
  index_incompatible: INDEX_NOT_READY,
  payload_too_large: { title: "This conversation is too long", detail: "Start a new chat and ask again." },
  bad_request: QUESTION_NOT_SENT,
  bad_input: QUESTION_NOT_SENT,
};

const UNKNOWN_CODE = { title: "The server could not answer", detail: TRY_AGAIN };

/** fetch() rejects with a TypeError whose words differ by browser when the server cannot be reached. */
export function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === "TypeError" || /failed to fetch|networkerror|load failed|network/i.test(error.message ?? "");
}

export function describeChatError(error: Error): ChatErrorInfo {
  const raw = error.message ?? "";
  const body = parseBody(raw);
  if (body) {
    const known = (body.code && Object.hasOwn(BY_CODE, body.code) && BY_CODE[body.code]) || UNKNOWN_CODE;
    return { code: body.code, title: known.title, detail: body.message ?? known.detail ?? raw };
  }
  if (isNetworkError(error)) {
    return {
      code: "network",
      title: "Can't reach the server",
      detail: "Check your connection, or that the server is running, then try again.",
    };
  }
  if (/^\s*</.test(raw) || !raw.trim()) {
    return { title: "Something went wrong", detail: TRY_AGAIN };
  }
  return { title: "Something went wrong", detail: raw.length > 300 ? `${raw.slice(0, 300)}…` : raw };
}
