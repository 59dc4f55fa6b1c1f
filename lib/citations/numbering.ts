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
