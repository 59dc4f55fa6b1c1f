/** Splits an answer's plain text into text runs and [n] citation markers, keeping offsets. */

export type AnswerToken =
  | { kind: "text"; text: string; start: number; end: number }
  | { kind: "cite"; n: number; start: number; end: number };

/** "[1]", "[2, 3]" or "[2][3]": each number becomes its own marker token. */
const MARKER = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;

export function tokenizeAnswer(text: string): AnswerToken[] {
  const tokens: AnswerToken[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (start > last) tokens.push({ kind: "text", text: text.slice(last, start), start: last, end: start });
    for (const n of match[1].split(",")) tokens.push({ kind: "cite", n: Number(n.trim()), start, end });
    last = end;
  }
  if (last < text.length) tokens.push({ kind: "text", text: text.slice(last), start: last, end: text.length });
  return tokens;
}

/** While an answer streams, a marker may be cut in half ("… Brussels [1"): hide the unfinished tail. */
export function withoutPartialMarker(text: string): string {
  return text.replace(/\[[\d,\s]*$/, "");
}

/**
 * Where each given sentence sits in the answer text, as [start, end) offsets. Sentences are matched
 * with their [n] markers and spacing ignored, so small differences in how they were split do not matter.
 */
export function locateSentences(text: string, sentences: string[]): { start: number; end: number }[] {
  // The answer with markers and whitespace removed, and where each kept character came from.
  let flat = "";
  const origin: number[] = [];
  const markers = [...text.matchAll(MARKER)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const);
  let mi = 0;
  for (let i = 0; i < text.length; i++) {
    while (mi < markers.length && markers[mi][1] <= i) mi++;
    if (mi < markers.length && i >= markers[mi][0] && i < markers[mi][1]) continue;
    if (/\s/.test(text[i])) continue;
    flat += text[i];
    origin.push(i);
  }
  const spans: { start: number; end: number }[] = [];
  let from = 0;
  for (const sentence of sentences) {
    const needle = sentence.replace(MARKER, "").replace(/\s+/g, "");
    if (!needle) continue;
    let at = flat.indexOf(needle, from);
    if (at < 0) at = flat.indexOf(needle);
    if (at < 0) continue;
    spans.push({ start: origin[at], end: origin[at + needle.length - 1] + 1 });
    from = at + needle.length;
  }
  return spans;
}
