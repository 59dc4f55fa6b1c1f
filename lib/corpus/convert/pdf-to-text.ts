import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { collapseWhitespace } from "@/lib/text/normalize";
import type { Conversion } from "./converted";

/** Between two pages in the text: a paragraph break, so no sentence runs across a page boundary. */
const PAGE_BREAK = "\n\n";

/** A page's text as pdf.js lays it out, with runs of spaces and blank-line runs collapsed. */
function pageText(raw: string): string {
  return raw
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function problemOf(error: unknown): string {
  const name = (error as Error)?.name;
  if (name === "PasswordException") return "is a password-protected PDF (save a copy without the password)";
  return `is not a readable PDF (${(error as Error)?.message ?? error})`;
}

/**
 * A PDF's text layer, page by page, with the offset where each page starts (for "p. 12" in
 * citations). A PDF without text (a scan) is refused: it needs OCR first.
 */
export async function pdfToText(bytes: Uint8Array): Promise<Conversion> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    return { problem: problemOf(error) };
  }
  try {
    const { text: pages } = await extractText(pdf, { mergePages: false });
    const texts = pages.map(pageText);
    if (!texts.some(Boolean)) return { problem: "has no text layer (a scanned PDF? run OCR on it first)" };
    const starts: number[] = [];
    let text = "";
    for (const page of texts) {
      if (starts.length) text += PAGE_BREAK;
      starts.push(text.length);
      text += page;
    }
    const info = (await getMeta(pdf)).info as { Title?: unknown };
    const title = typeof info?.Title === "string" ? collapseWhitespace(info.Title) || null : null;
    return { text, title, pages: starts };
  } catch (error) {
    return { problem: problemOf(error) };
  } finally {
    await pdf.destroy();
  }
}
