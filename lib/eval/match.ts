import { stripMarkers } from "@/lib/citations/markers";
import { collapseWhitespace } from "@/lib/text/normalize";

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
