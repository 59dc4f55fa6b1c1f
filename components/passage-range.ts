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

/** A short excerpt of a citation for previews: the quote with a little context around it. */
export function citationExcerpt(
  citation: Citation,
  maxChars = 360,
): { before: string; quote: string; after: string } {
  const text = citation.text;
  let qs = citation.quote ? citation.quote.start - citation.start : 0;
  let qe = citation.quote ? citation.quote.end - citation.start : text.length;
  qs = Math.max(0, Math.min(qs, text.length));
  qe = Math.max(qs, Math.min(qe, text.length));
  if (!citation.quote || qe === qs) {
    const clipped = text.length > maxChars ? `${text.slice(0, maxChars).trimEnd()}…` : text;
    return { before: "", quote: "", after: clipped };
  }
  let quote = text.slice(qs, qe);
  if (quote.length > maxChars) quote = `${quote.slice(0, maxChars).trimEnd()}…`;
  const room = Math.max(0, maxChars - quote.length);
  const beforeRoom = Math.floor(room / 3);
  const afterRoom = room - beforeRoom;
  const cutBefore = qs - beforeRoom > 0;
  const cutAfter = qe + afterRoom < text.length;
  let beforeText = text.slice(Math.max(0, qs - beforeRoom), qs);
  let afterText = text.slice(qe, qe + afterRoom);
  // Cut at word boundaries, not mid-word.
  if (cutBefore) beforeText = beforeText.replace(/^\S*\s+/, "");
  if (cutAfter) afterText = afterText.replace(/\s+\S*$/, "");
  return {
    before: (cutBefore && beforeText ? "…" : "") + beforeText,
    quote,
    after: afterText + (cutAfter ? "…" : ""),
  };
}
