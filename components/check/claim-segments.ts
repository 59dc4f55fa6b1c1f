import type { CheckResponse } from "@/lib/types";

export type Segment = { text: string; start: number; claim?: number };

/**
 * The submitted text cut into plain runs and claims (`claim` = the claim's index in the response), in order,
 * so that joining the segments gives the text back. Claims outside the text, empty, or overlapping an
 * earlier one are left as plain text rather than drawn twice.
 */
export function claimSegments(text: string, claims: CheckResponse["claims"]): Segment[] {
  const order = claims
    .map((c, index) => ({ index, start: Math.max(0, c.start), end: Math.min(text.length, c.end) }))
    .filter((c) => c.end > c.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const segments: Segment[] = [];
  let at = 0;
  for (const c of order) {
    if (c.start < at) continue;
    if (c.start > at) segments.push({ text: text.slice(at, c.start), start: at });
    segments.push({ text: text.slice(c.start, c.end), start: c.start, claim: c.index });
    at = c.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), start: at });
  return segments;
}
