import type { DocumentFormat } from "@/lib/types";
import type { Conversion, ConvertedText } from "./converted";
import { decodeText } from "./decode-text";

export type ConvertedDocument = ConvertedText & { format: DocumentFormat };

/** A web page saved under a text extension: its tags would otherwise end up in answers. */
const HTML_START = /^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i;

// The converters load on first use: pdf.js, mammoth and the HTML parser take a while to import.
async function convert(format: DocumentFormat, bytes: Uint8Array): Promise<Conversion & { format?: DocumentFormat }> {
  if (format === "pdf") return (await import("./pdf-to-text")).pdfToText(bytes);
  if (format === "docx") return (await import("./docx-to-text")).docxToText(bytes);
  const decoded = decodeText(bytes);
  if ("problem" in decoded) return decoded;
  if (format === "html" || HTML_START.test(decoded.text)) return { ...(await import("./html-to-text")).htmlToText(decoded.text), format: "html" };
  return { text: decoded.text, title: null };
}

/**
 * Converts a file of the given format to the text the index keeps (the text every citation's
 * offsets point into), or says why it cannot. Text files that hold a web page are read as HTML.
 */
export async function convertDocument(format: DocumentFormat, bytes: Uint8Array): Promise<ConvertedDocument | { problem: string }> {
  const converted = await convert(format, bytes);
  if ("problem" in converted) return converted;
  if (!converted.text.trim()) return { problem: "holds no readable text" };
  return { format, ...converted };
}
