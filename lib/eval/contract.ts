import { markersIn } from "@/lib/citations/markers";
import type { AskResponse } from "@/lib/types";

/**
 * Contract problems of one answer: markers without citations, unused citations, numbering
 * not 1..m in order of first use, citation text or quote that is not the document's.
 */
export function citationProblems(response: AskResponse, documentText: (docId: string) => string | undefined): { markers: string[]; offsets: string[] } {
  const markers: string[] = [];
  const offsets: string[] = [];
  const used = markersIn(response.answer);
  const firstUse = [...new Set(used)];
  const numbers = response.citations.map((c) => c.n);
  for (const n of firstUse) if (!numbers.includes(n)) markers.push(`[${n}] has no citation`);
  for (const n of numbers) if (!used.includes(n)) markers.push(`citation ${n} is never used`);
  if (firstUse.join() !== numbers.map((_, i) => i + 1).join() || numbers.join() !== firstUse.join()) {
    if (!markers.length) markers.push(`citations are not numbered 1..m in order of first use (${firstUse.join(",")})`);
  }
  for (const c of response.citations) {
    const text = documentText(c.docId);
    if (text?.slice(c.start, c.end) !== c.text) offsets.push(`citation ${c.n} text is not its document's slice`);
    if (c.quote && (c.quote.start < 0 || c.quote.end > (text?.length ?? 0) || c.quote.start >= c.quote.end)) offsets.push(`citation ${c.n} quote is out of range`);
  }
  return { markers, offsets };
}
