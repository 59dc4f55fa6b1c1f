import { describe, expect, it } from "vitest";
import { encryptedPdf, scannedPdf, textPdf } from "@/test/fixtures/write-documents";
import { pdfToText } from "./pdf-to-text";

describe("pdfToText", () => {
  it("joins the pages' text with a blank line and keeps where each page starts, and the title of its metadata", async () => {
    const converted = await pdfToText(await textPdf(["Glaciers retreat in summer.", "The Rhone Glacier feeds Lake Geneva.", "Moraines mark old ice."], "Glacier Survey"));
    if ("problem" in converted) throw new Error(converted.problem);
    expect(converted.title).toBe("Glacier Survey");
    expect(converted.text).toBe("Glaciers retreat in summer.\n\nThe Rhone Glacier feeds Lake Geneva.\n\nMoraines mark old ice.");
    expect(converted.pages).toHaveLength(3);
    expect(converted.text.slice(converted.pages![1])).toMatch(/^The Rhone Glacier/);
    expect(converted.text.slice(converted.pages![2])).toMatch(/^Moraines/);
  });

  it("refuses a PDF without a text layer, a password-protected one and a broken one, saying why", async () => {
    expect(await pdfToText(await scannedPdf())).toEqual({ problem: expect.stringMatching(/no text layer \(a scanned PDF\? run OCR on it first\)/) });
    expect(await pdfToText(await encryptedPdf())).toEqual({ problem: expect.stringMatching(/password-protected PDF/) });
    expect(await pdfToText(new TextEncoder().encode("%PDF-1.4\nnot really a PDF"))).toEqual({ problem: expect.stringMatching(/not a readable PDF/) });
  });
});
