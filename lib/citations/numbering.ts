import type { Span } from "@/lib/text/spans";
import type { Citation, Passage } from "@/lib/types";

/**
 * Numbers cited passages 1..m in order of first use; a passage cited again keeps its number.
 * Passages are told apart by chunkId, so an answer finished by another answerer (see
 * lib/answer/answer.ts) reuses the numbers already given.
 */
export class CitationNumbering {
  private readonly byChunk = new Map<string, Citation>();
  readonly citations: Citation[] = [];

  constructor(private readonly onNew?: (citation: Citation, all: Citation[]) => void) {}

  cite(passage: Passage): number {
    const known = this.byChunk.get(passage.chunkId);
    if (known) return known.n;
    const citation: Citation = { ...passage, n: this.citations.length + 1 };
    delete citation.quote; // a citation taken over from another answer gets its quote from verification
    this.citations.push(citation);
    this.byChunk.set(passage.chunkId, citation);
    this.onNew?.(citation, this.citations);
    return citation.n;
  }
}

/** One claim of an answer: its text and the passages (with supporting spans) it rests on. */
export type Claim = {
  text: string;
  sources: { passage: Passage; quote?: Span }[];
};

/** Grows a citation's quote to cover one more supporting span (the span's own fields stay out). */
export function widenQuote(citation: { quote?: Span }, span: Span): void {
  citation.quote = citation.quote
    ? { start: Math.min(citation.quote.start, span.start), end: Math.max(citation.quote.end, span.end) }
    : { start: span.start, end: span.end };
}

/**
 * Writes claims as answer text with [n] markers, numbering citations 1..m in order of first
 * use; a passage cited twice keeps its number and its quote grows to cover both spans.
 */
export function numberClaims(claims: Claim[]): { answer: string; citations: Citation[] } {
  const numbering = new CitationNumbering();
  const parts = claims.map((claim) => {
    const markers = new Set<number>();
    for (const { passage, quote } of claim.sources) {
      const n = numbering.cite(passage);
      if (quote) widenQuote(numbering.citations[n - 1], quote);
      markers.add(n);
    }
    return `${claim.text}${[...markers].map((n) => ` [${n}]`).join("")}`;
  });
  return { answer: parts.join(" "), citations: numbering.citations };
}
