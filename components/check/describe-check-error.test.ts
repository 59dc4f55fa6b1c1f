import { describe, expect, it } from "vitest";
import { describeCheckError } from "./describe-check-error";

const apiError = (code: string, message: string) => new Error(JSON.stringify({ error: { code, message } }));

describe("describeCheckError", () => {
  it("speaks of the text, keeping the server's reason", () => {
    const info = describeCheckError(apiError("bad_request", "text: must not be empty"));
    expect(info).toEqual({ code: "bad_request", title: "The text could not be checked", detail: "text: must not be empty" });
  });

  it("says a text is too long, not a conversation", () => {
    expect(describeCheckError(apiError("payload_too_large", "Body too large")).title).toBe("This text is too long to check");
  });

  it("turns a failed fetch into words, never the browser's message", () => {
    const info = describeCheckError(new TypeError("Failed to fetch"));
    expect(info.title).toBe("Can't reach the server");
    expect(info.detail).not.toMatch(/failed to fetch/i);
  });

  it("keeps the index message of a 503", () => {
    expect(describeCheckError(apiError("index_missing", "Run npm run ingest")).title).toBe("The document index is not ready");
  });
});
