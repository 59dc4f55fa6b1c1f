import { stripMarkers } from "@/lib/citations/markers";
import { collapseWhitespace } from "@/lib/text/normalize";
import type { Span } from "@/lib/text/spans";

/** Whether a passage holds one of the support strings, whitespace collapsed on both sides. */
export function holdsSupport(text: string, support: string[]): boolean {
  const haystack = collapseWhitespace(text);
  return support.some((s) => haystack.includes(collapseWhitespace(s)));
}

/** 1-based rank of the first passage holding support, or null. */
export function firstSupportRank(texts: string[], support: string[]): number | null {
  const i = texts.findIndex((t) => holdsSupport(t, support));
  return i < 0 ? null : i + 1;
}

/** Every expected pattern (case-insensitive regex) matches the answer with its [n] markers removed. */
export function matchesExpectations(answer: string, expect: string[]): { ok: boolean; missing: string[] } {
  const plain = stripMarkers(answer);
  const missing = expect.filter((p) => !new RegExp(p, "i").test(plain));
  return { ok: missing.length === 0, missing };
}

/** Where each support string stands in the documents (matched whitespace-collapsed), as offsets. */
export function supportSpans(documents: { docId: string; text: string }[], support: string[]): ({ docId: string } & Span)[] {
  const spans: ({ docId: string } & Span)[] = [];
  for (const doc of documents) {
    const { text, offsets } = collapsedWithOffsets(doc.text);
    for (const s of support.map(collapseWhitespace).filter(Boolean)) {
      for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
        spans.push({ docId: doc.docId, start: offsets[at], end: offsets[at + s.length - 1] + 1 });
      }
    }
  }
  return spans;
}

/** The text as collapseWhitespace reads it, with each character's offset in the original. */
function collapsedWithOffsets(original: string): { text: string; offsets: number[] } {
  let text = "";
  const offsets: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const space = /\s/.test(original[i]);
    if (space && (!text || text.endsWith(" "))) continue;
    if (/[,.;:!?]/.test(original[i]) && text.endsWith(" ")) {
      text = text.slice(0, -1); // no space before punctuation
      offsets.pop();
    }
    text += space ? " " : original[i];
    offsets.push(i);
  }
  return { text, offsets };
}
