import type { Span } from "@/lib/text/spans";

/** The library page of a document, scrolled to a span and highlighting it: /documents/<docId>#<start>-<end>. */
export function passageHref(docId: string, span?: Span): string {
  const page = `/documents/${encodeURIComponent(docId)}`;
  return span ? `${page}#${span.start}-${span.end}` : page;
}
