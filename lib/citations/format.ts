import type { Citation } from "@/lib/types";

/** A citation as a reader sees it under an answer: `[n] Title (source, date, p. 12) — section` and its quoted sentence(s). */
export function formatCitation(c: Citation): string {
  const meta = [c.source, c.publishedAt, c.page && `p. ${c.page}`].filter(Boolean).join(", ");
  const quote = c.quote ? c.text.slice(c.quote.start - c.start, c.quote.end - c.start) : c.text;
  const heading = `[${c.n}] ${c.title}${meta ? ` (${meta})` : ""}${c.section?.length ? ` — ${c.section.join(" › ")}` : ""}`;
  return `${heading}\n    "${quote.replace(/\s+/g, " ").trim()}"`;
}

/** An answer with its numbered citations below it, as plain text. */
export function formatAnswer(answer: string, citations: Citation[]): string {
  return [answer, "", ...citations.map(formatCitation)].join("\n").trimEnd();
}
