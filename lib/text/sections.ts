import type { Span } from "./spans";

/** A stretch of a document under one heading: its body offsets and the headings above it. */
export type Section = Span & { path: string[] };

// Wiki headings (==History==, ===21st century===) and Markdown headings (## History).
const HEADING = /^(?:(={1,6})\s*([^=\n][^\n]*?)\s*\1|(#{1,6})\s+([^\n]+?))\s*$/gm;

/** A heading line: its offsets, its level (1 = the document's own title) and its title, also as offsets. */
export type Heading = Span & { level: number; title: string; titleSpan: Span };

export function findHeadings(text: string): Heading[] {
  const out: Heading[] = [];
  for (const m of text.matchAll(HEADING)) {
    const level = (m[1] ?? m[3]).length;
    const raw = m[2] ?? m[4];
    const title = raw.trim();
    // The title follows the opening marks; the match's own text places it.
    const titleStart = m.index + m[0].indexOf(raw, level) + (raw.length - raw.trimStart().length);
    out.push({ start: m.index, end: m.index + m[0].length, level, title, titleSpan: { start: titleStart, end: titleStart + title.length } });
  }
  return out;
}

/** The document's first heading, for documents with no title in the corpus manifest. */
export function firstHeading(text: string): string | null {
  return findHeadings(text)[0]?.title ?? null;
}

/**
 * Splits a document into the bodies between its headings. Level-1 headings name the document
 * itself, so they are left out of section paths.
 */
export function splitSections(text: string): Section[] {
  const headings = findHeadings(text);
  const sections: Section[] = [];
  const stack: Heading[] = [];
  let bodyStart = 0;
  let path: string[] = [];
  for (const heading of headings) {
    if (heading.start > bodyStart) sections.push({ start: bodyStart, end: heading.start, path });
    while (stack.length && stack[stack.length - 1].level >= heading.level) stack.pop();
    stack.push(heading);
    path = stack.filter((h) => h.level > 1).map((h) => h.title);
    bodyStart = heading.end;
  }
  if (text.length > bodyStart) sections.push({ start: bodyStart, end: text.length, path });
  return sections.filter((s) => text.slice(s.start, s.end).trim().length > 0);
}
