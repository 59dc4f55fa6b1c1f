import type { Span } from "@/lib/text/spans";

/** The library page of a document, scrolled to a span and highlighting it: /documents/<docId>#<start>-<end>. */
export function passageHref(docId: string, span?: Span): string {
  const page = `/documents/${encodeURIComponent(docId)}`;
  return span ? `${page}#${span.start}-${span.end}` : page;
}

/** The span a page's hash names ("#120-480"), when it is one inside a text of `length` characters. */
export function spanFromHash(hash: string, length: number): Span | null {
  const m = /^#(\d{1,9})-(\d{1,9})$/.exec(hash);
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return start < end && end <= length ? { start, end } : null;
}
