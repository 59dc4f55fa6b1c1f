import type { Citation, Passage } from "@/lib/types";

/** One claim of an answer: its text and the passages (with supporting spans) it rests on. */
export type Claim = {
  text: string;
  sources: { passage: Passage; quote?: { start: number; end: number } }[];
};

/**
 * Writes claims as answer text with [n] markers, numbering citations 1..m in order of first
 * use; a passage cited twice keeps its number and its quote grows to cover both spans.
 */
export function numberClaims(claims: Claim[]): { answer: string; citations: Citation[] } {
  const citations: Citation[] = [];
  const numberOf = new Map<string, Citation>();
  const parts: string[] = [];
  for (const claim of claims) {
    const markers: number[] = [];
    for (const { passage, quote } of claim.sources) {
      let citation = numberOf.get(passage.chunkId);
      if (!citation) {
        citation = { ...passage, n: citations.length + 1, ...(quote ? { quote: { ...quote } } : {}) };
        citations.push(citation);
        numberOf.set(passage.chunkId, citation);
      } else if (quote) {
        citation.quote = citation.quote
          ? { start: Math.min(citation.quote.start, quote.start), end: Math.max(citation.quote.end, quote.end) }
          : { ...quote };
      }
      if (!markers.includes(citation.n)) markers.push(citation.n);
    }
    parts.push(`${claim.text}${markers.map((n) => ` [${n}]`).join("")}`);
  }
  return { answer: parts.join(" "), citations };
}
