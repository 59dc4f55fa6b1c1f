/** Offsets into a text: [start, end). Sentences, chunks, quotes and citations are all spans of their document. */
export type Span = { start: number; end: number };

/** How many characters two spans share; zero or less when they do not meet. */
export function overlap(a: Span, b: Span): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

/** Whether at least half of `inner` lies within `outer` (a sentence "belongs" to a chunk). */
export function mostlyWithin(inner: Span, outer: Span): boolean {
  return overlap(inner, outer) * 2 >= inner.end - inner.start;
}

/** The part of `span` that lies within `bounds` (empty or negative when they do not meet). */
export function clip(span: Span, bounds: Span): Span {
  return { start: Math.max(span.start, bounds.start), end: Math.min(span.end, bounds.end) };
}
