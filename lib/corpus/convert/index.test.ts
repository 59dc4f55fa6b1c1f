import { describe, expect, it } from "vitest";
import { convertDocument } from ".";

describe("convertDocument", () => {
  it("reads a web page saved as .txt as HTML, so its tags never reach an answer", async () => {
    const page = "<!DOCTYPE html>\n<html><head><title>Ferry Times</title></head><body><p>The first ferry leaves at <b>seven</b> in the morning from the north pier.</p></body></html>";
    const converted = await convertDocument("txt", new TextEncoder().encode(page));
    expect(converted).toMatchObject({ format: "html", title: "Ferry Times" });
    expect("text" in converted && converted.text).toBe("# Ferry Times\n\nThe first ferry leaves at seven in the morning from the north pier.");
  });

  it("keeps plain text and Markdown exactly as written", async () => {
    const text = "# Notes\n\nA line <with> angle brackets.\n";
    expect(await convertDocument("md", new TextEncoder().encode(text))).toEqual({ format: "md", text, title: null });
  });

  it("refuses a page with no readable text", async () => {
    expect(await convertDocument("html", new TextEncoder().encode("<html><body><script>x()</script></body></html>"))).toEqual({ problem: "holds no readable text" });
  });
});
