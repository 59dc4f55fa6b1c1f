import mammoth from "mammoth";
import { firstHeading } from "@/lib/text/sections";
import type { Conversion } from "./converted";
import { htmlContentToText, parseHtmlDocument } from "./html-to-text";

/** A Word document's text: mammoth writes its structure as HTML, read like any HTML content. */
export async function docxToText(bytes: Uint8Array): Promise<Conversion> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    return { problem: `is not a readable DOCX file (${(error as Error)?.message ?? error})` };
  }
  const text = htmlContentToText(parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`).body);
  return { text, title: firstHeading(text) };
}
