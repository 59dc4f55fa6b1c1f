import type { Citation } from "@/lib/types";

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
