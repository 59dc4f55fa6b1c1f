/** Sentence boundaries as document offsets, so every sentence stays a slice of the document. */

import type { Span } from "./spans";

/** Sentences longer than this (menus, tables) are cut at word boundaries. */
export const MAX_SENTENCE_CHARS = 360;

/** Words whose full stop does not end a sentence, in documents and answers alike. */
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "no", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "jr", "sr", "inc", "co", "ltd", "approx", "art", "fig",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]);

const BULLET = /^\s*(?:[-*•]\s|=+)/;

// Pages flattened from HTML leave link notes after the full stop ("... in 2004., external").
const SENTENCE_END = /[.!?:;"”’)](?:, [a-z]+)?\s*$/;
const FUNCTION_WORD_END = /\b(?:the|a|an|of|to|and|or|in|on|by|for|with|from|as|at|its|their)\s*$|[-–—,]\s*$/i;

function endsSentence(line: string): boolean {
  return SENTENCE_END.test(line) || /^\s*=+.*=+\s*$/.test(line);
}

/** A long line that ends on a content word, followed by a capital, is a paragraph of its own. */
function endsParagraph(line: string, next: string): boolean {
  return line.trim().length >= 100 && !FUNCTION_WORD_END.test(line) && /^\s*[A-Z]/.test(next);
}

function startsContinuation(line: string): boolean {
  return /^\s*[a-z,.;:)\]]/.test(line);
}

function looksLikeTitle(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length < 80 && /^[A-Z]/.test(t) && !endsSentence(t) && t.split(/\s+/).length >= 2;
}

/** Offsets of the lines of text[from, to), without their line breaks. */
function lines(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i === to || text[i] === "\n") {
      out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

/**
 * Joins lines into blocks: a line break ends a sentence unless the text plainly runs on
 * (link texts on lines of their own, as in pages flattened from HTML).
 */
function blocks(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let current: Span | null = null;
  let currentIsTitle = false;
  for (const line of lines(text, from, to)) {
    const content = text.slice(line.start, line.end);
    if (!content.trim()) {
      if (current) out.push(current);
      current = null;
      continue;
    }
    if (!current) {
      current = { ...line };
      currentIsTitle = looksLikeTitle(content);
      continue;
    }
    const prev = text.slice(current.start, current.end);
    const breaks =
      !startsContinuation(content) &&
      (endsSentence(prev) || endsParagraph(prev, content) || BULLET.test(content) || (currentIsTitle && /^\s*[A-Z"“]/.test(content)));
    if (breaks) {
      out.push(current);
      current = { ...line };
      currentIsTitle = looksLikeTitle(content);
    } else {
      current.end = line.end;
      currentIsTitle = false;
    }
  }
  if (current) out.push(current);
  return out;
}

/** Whether the full stop at text[dot] belongs to an abbreviation ("Dr.", "U.S.", "J. Smith") rather than ending a sentence. */
export function isAbbreviation(text: string, dot: number): boolean {
  if (text[dot] !== ".") return false;
  const before = text.slice(Math.max(0, dot - 6), dot);
  const word = /([A-Za-z.]+)$/.exec(before)?.[1]?.toLowerCase() ?? "";
  if (ABBREVIATIONS.has(word)) return true;
  // Single capitals ("J. Smith") and dotted acronyms ("U.S.") are not sentence ends.
  return /(^|[\s.])[A-Z]$/.test(before);
}

/** Splits one block at sentence punctuation followed by space and a capital, digit or quote. */
function splitBlock(text: string, block: Span): Span[] {
  const out: Span[] = [];
  let start = block.start;
  const re = /[.!?]["”’)]?\s+(?=["“‘(]?[A-Z0-9])/g;
  re.lastIndex = block.start;
  const slice = text.slice(0, block.end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    const punct = m.index;
    if (isAbbreviation(text, punct)) continue;
    const end = punct + m[0].trimEnd().length;
    out.push({ start, end });
    start = punct + m[0].length;
  }
  out.push({ start, end: block.end });
  return out;
}

/** Cuts an overlong span at word boundaries into pieces of at most `max` characters. */
function cutLong(text: string, span: Span, max: number): Span[] {
  if (span.end - span.start <= max) return [span];
  const out: Span[] = [];
  let start = span.start;
  while (span.end - start > max) {
    let cut = text.lastIndexOf(" ", start + max);
    if (cut <= start) cut = start + max;
    out.push({ start, end: cut });
    start = cut;
    while (start < span.end && /\s/.test(text[start])) start++;
  }
  if (start < span.end) out.push({ start, end: span.end });
  return out;
}

function trim(text: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/** Sentences of text[from, to) as trimmed, non-empty document offsets, in order. */
export function splitSentences(text: string, from = 0, to = text.length, max = MAX_SENTENCE_CHARS): Span[] {
  const out: Span[] = [];
  for (const block of blocks(text, from, to)) {
    for (const sentence of splitBlock(text, block)) {
      const trimmed = trim(text, sentence);
      if (!trimmed) continue;
      for (const piece of cutLong(text, trimmed, max)) {
        const t = trim(text, piece);
        if (t) out.push(t);
      }
    }
  }
  return out;
}
