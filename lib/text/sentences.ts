/** Sentence boundaries as document offsets, so every sentence stays a slice of the document. */

import type { Span } from "./spans";

/** Sentences longer than this (menus, tables) are cut at word boundaries. */
export const MAX_SENTENCE_CHARS = 360;

/** Words whose full stop does not end a sentence, in documents and answers alike. */
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "no", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "jr", "sr", "inc", "co", "ltd", "approx", "art", "fig",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]);

// List items ("- ", "* ", "1. ") and wiki headings start a block of their own.
const BULLET = /^\s*(?:[-*•]\s|\d{1,3}[.)]\s|=+)/;

// Pages flattened from HTML leave link notes after the full stop ("... in 2004., external").
const SENTENCE_END = /[.!?:;"”’)](?:, [a-z]+)?\s*$/;
const FUNCTION_WORD_END = /\b(?:the|a|an|of|to|and|or|in|on|by|for|with|from|as|at|its|their)\s*$|[-–—,]\s*$/i;

function endsSentence(line: string): boolean {
  return SENTENCE_END.test(line) || /^\s*=+.*=+\s*$/.test(line);
}

function startsContinuation(line: string): boolean {
  return /^\s*[a-z,.;:)\]]/.test(line);
}

/**
 * A short capitalised line without final punctuation: a heading, or a lone button label ("Close")
 * left by a flattened page. A lone function word ("The") is a link's lead-in instead.
 */
function looksLikeTitle(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length < 80 && /^[A-Z]/.test(t) && !endsSentence(t) && (/\s/.test(t) || !FUNCTION_WORD_END.test(t));
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

/** A block being built: its offsets, where its last line starts, and its length once trimmed. */
type OpenBlock = Span & { lastLine: number; isTitle: boolean; isBullet: boolean };

/**
 * Whether the block ends a sentence. Only its last line can hold the final punctuation, and a
 * heading ("== History ==") is a block of one line, so a long block is never read whole: each
 * line costs its own length, and a file of many short lines stays linear.
 */
function blockEndsSentence(text: string, block: OpenBlock): boolean {
  const last = text.slice(block.lastLine, block.end);
  return block.lastLine === block.start ? endsSentence(last) : SENTENCE_END.test(last);
}

/** A long block that ends on a content word, followed by a capital, is a paragraph of its own. */
function blockEndsParagraph(text: string, block: OpenBlock, next: string): boolean {
  const trimmedLength = lastNonSpace(text, block) - firstNonSpace(text, block);
  return trimmedLength >= 100 && !FUNCTION_WORD_END.test(text.slice(block.lastLine, block.end)) && /^\s*[A-Z]/.test(next);
}

/** Offset of the block's first non-space character (its first line has one). */
function firstNonSpace(text: string, block: Span): number {
  let i = block.start;
  while (/\s/.test(text[i])) i++;
  return i;
}

/** Offset just after the block's last non-space character (its last line has one). */
function lastNonSpace(text: string, block: Span): number {
  let i = block.end;
  while (/\s/.test(text[i - 1])) i--;
  return i;
}

/**
 * Joins lines into blocks: a line break ends a sentence unless the text plainly runs on
 * (link texts on lines of their own, as in pages flattened from HTML). Sentences never cross a
 * block, so the document view shows each block as a paragraph (or list item) of its own.
 */
export function lineBlocks(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let current: OpenBlock | null = null;
  const open = (line: Span, content: string): OpenBlock => ({ ...line, lastLine: line.start, isTitle: looksLikeTitle(content), isBullet: BULLET.test(content) });
  for (const line of lines(text, from, to)) {
    const content = text.slice(line.start, line.end);
    if (!content.trim()) {
      if (current) out.push({ start: current.start, end: current.end });
      current = null;
      continue;
    }
    if (!current) {
      current = open(line, content);
      continue;
    }
    const breaks =
      !startsContinuation(content) &&
      (blockEndsSentence(text, current) ||
        blockEndsParagraph(text, current, content) ||
        BULLET.test(content) ||
        (current.isTitle && /^\s*[A-Z"“]/.test(content)) ||
        // A list item ends where an unindented capitalised line follows ("- Published" / "Newly appointed…").
        (current.isBullet && /^[A-Z"“]/.test(content)));
    if (breaks) {
      out.push({ start: current.start, end: current.end });
      current = open(line, content);
    } else {
      current.end = line.end;
      current.lastLine = line.start;
      current.isTitle = false;
    }
  }
  if (current) out.push({ start: current.start, end: current.end });
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

/** Whether the full stop at text[dot] is a numbered list line's ("1. Ask…"). */
function isListNumber(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && dot - i < 3 && /\d/.test(text[i - 1])) i--;
  if (i === dot) return false;
  while (i > 0 && (text[i - 1] === " " || text[i - 1] === "\t")) i--;
  return i === 0 || text[i - 1] === "\n";
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
    if (isAbbreviation(text, punct) || isListNumber(text, punct)) continue;
    const end = punct + m[0].trimEnd().length;
    out.push({ start, end });
    start = punct + m[0].length;
  }
  out.push({ start, end: block.end });
  return out;
}

/**
 * The last space in text[from, to], or -1. Unlike lastIndexOf, it stops at `from`: in a long
 * stretch without spaces each cut costs `max` characters, not the whole text before it.
 */
function lastSpace(text: string, from: number, to: number): number {
  for (let i = to; i > from; i--) if (text[i] === " ") return i;
  return -1;
}

/** Cuts an overlong span at word boundaries into pieces of at most `max` characters. */
function cutLong(text: string, span: Span, max: number): Span[] {
  if (span.end - span.start <= max) return [span];
  const out: Span[] = [];
  let start = span.start;
  while (span.end - start > max) {
    let cut = lastSpace(text, start, start + max);
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

/** Lower-case words that title-cased menu entries keep ("Support for Ukraine", "NATO on the Map"). */
const TITLE_CONNECTORS = new Set(["a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "with", "&"]);
/** Capitalised words a run of navigation holds at least, before the sentence it runs into. */
const MENU_WORDS = 8;
const MIN_CLAUSE_WORDS = 6;

type WordStats = { words: number; capitalised: number };
const capitalShare = (s: WordStats) => (s.words ? s.capitalised / s.words : 0);

/**
 * A page flattened from HTML runs its navigation into the next sentence ("… We Are NATO Support
 * for Ukraine NATO condemns Russia's war …"). Where mostly capitalised words without punctuation
 * give way to a clause of mostly lower-case words, the run is cut off as a sentence of its own (a
 * menu, never a claim). The earliest such point is taken, so the clause keeps its subject.
 */
function splitMenuRun(text: string, span: Span): Span[] {
  const sentence = text.slice(span.start, span.end);
  const words = [...sentence.matchAll(/\S+/g)];
  const content = words.map((w) => !TITLE_CONNECTORS.has(w[0]) && /^\p{L}/u.test(w[0]));
  const upper = words.map((w, i) => content[i] && /^\p{Lu}/u.test(w[0]));
  const total: WordStats = { words: content.filter(Boolean).length, capitalised: upper.filter(Boolean).length };
  const before: WordStats = { words: 0, capitalised: 0 };
  for (let i = 0; i < words.length - MIN_CLAUSE_WORDS; i++) {
    // Flattened pages put navigation and text on one line: punctuation or a line break means prose.
    const next = words[i + 1];
    if (/[,;:()]/.test(words[i][0]) || sentence.slice(words[i].index, next.index).includes("\n")) return [span];
    const after = { words: total.words - before.words, capitalised: total.capitalised - before.capitalised };
    const clauseStarts = upper[i] && content[i + 1] && /^\p{Ll}/u.test(next[0]);
    if (clauseStarts && before.capitalised >= MENU_WORDS && capitalShare(before) >= 0.6 && capitalShare(after) < 0.4) {
      const cut = span.start + words[i].index;
      return [trim(text, { start: span.start, end: cut })!, { start: cut, end: span.end }];
    }
    before.words += content[i] ? 1 : 0;
    before.capitalised += upper[i] ? 1 : 0;
  }
  return [span];
}

// A date stamp that opens a headline ("04 Mar. 2024 NATO Allies train…"): in prose a date follows a
// preposition or a comma ("signed on 4 April 1949 in…"), in a news feed it follows the last headline.
const HEADLINE_DATE =
  /(?<!\b(?:on|in|of|from|to|until|till|by|since|between|and|or|before|after|dated)\s|[,(]\s?)\b\d{1,2} \p{Lu}\p{Ll}{2,8}\.? \d{4}\s+(?=["“'‘]?\p{Lu})/gu;

/**
 * A news page's feed flattened into one run ("04 Mar. 2024 An army marches… 01 Mar. 2024 NATO
 * Allies train…", "The story of X 22 Feb. 2024 In early February…"): each dated headline or
 * dated text starts a sentence of its own, so a claim is one headline.
 */
function splitDatedFeed(text: string, span: Span): Span[] {
  const sentence = text.slice(span.start, span.end);
  const cuts = [...sentence.matchAll(HEADLINE_DATE)].map((m) => span.start + m.index);
  const starts = [span.start, ...cuts.filter((c) => c > span.start)];
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? span.end }));
}

/** Sentences of text[from, to) as trimmed, non-empty document offsets, in order. */
export function splitSentences(text: string, from = 0, to = text.length, max = MAX_SENTENCE_CHARS): Span[] {
  const out: Span[] = [];
  for (const block of lineBlocks(text, from, to)) {
    for (const sentence of splitBlock(text, block).flatMap((s) => splitMenuRun(text, s)).flatMap((s) => splitDatedFeed(text, s))) {
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
