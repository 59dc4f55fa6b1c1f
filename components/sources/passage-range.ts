import type { Citation } from "@/lib/types";

export type PassageRange = {
  /** The cited passage in the document text. */
  start: number;
  end: number;
  /** The supporting sentence(s), inside [start, end). */
  quoteStart: number;
  quoteEnd: number;
  /** False when the document text no longer matches the citation (re-ingested since the answer). */
  exact: boolean;
};

/**
 * Where to highlight a citation in its document. The offsets are trusted when the text at them is the
 * passage; otherwise the passage is looked up by its text, and the quote moves with it.
 */
export function passageRange(text: string, citation: Citation): PassageRange | null {
  let { start, end } = citation;
  let exact = true;
  if (text.slice(start, end) !== citation.text) {
    const found = citation.text ? text.indexOf(citation.text) : -1;
    if (found < 0) return null;
    exact = found === start;
    start = found;
    end = found + citation.text.length;
  }
  const shift = start - citation.start;
  let quoteStart = citation.quote ? citation.quote.start + shift : start;
  let quoteEnd = citation.quote ? citation.quote.end + shift : end;
  quoteStart = Math.max(start, Math.min(quoteStart, end));
  quoteEnd = Math.max(quoteStart, Math.min(quoteEnd, end));
  if (quoteEnd === quoteStart) {
    quoteStart = start;
    quoteEnd = end;
  }
  return { start, end, quoteStart, quoteEnd, exact };
}
