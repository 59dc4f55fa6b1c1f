import { findHeadings } from "@/lib/text/sections";
import { lineBlocks } from "@/lib/text/sentences";
import type { Span } from "@/lib/text/spans";

/** A stretch of the document text: always exactly text.slice(start, end). */
export type Piece = Span & { text: string };

/** A row of an infobox ("Headquarters: Brussels, Belgium"): the whole line, its key and its value. */
export type TableRow = Piece & { key: Piece; value: Piece };

/**
 * How a document is drawn: headings, paragraphs (hard-wrapped lines joined), lists and key-value
 * tables, each with its offsets in the text, so that a cited span can be highlighted exactly.
 */
export type DocumentBlock =
  | (Piece & { kind: "heading"; level: number; title: Piece })
  | (Piece & { kind: "paragraph" })
  | (Piece & { kind: "list"; ordered: boolean; first: number; items: Piece[] })
  | (Piece & { kind: "table"; rows: TableRow[] });

const ITEM = /^(\s*)(?:[-*•]|(\d{1,3})[.)])\s+/;
// "Headquarters: Brussels" or "- Leader Name: Mark Rutte": a short label of words, a colon, a value.
const KEY_VALUE = /^\s*(?:[-*•]\s+)?([A-Z][\w ()'’/&-]{0,39}?):[ \t]+(\S.*)$/;

const piece = (text: string, start: number, end: number): Piece => ({ start, end, text: text.slice(start, end) });

type Line = Piece & { item?: { ordered: boolean; number: number; content: number }; row?: TableRow };

/** One block of lines (as the sentence splitter joins them), read as a list item, an infobox row or text. */
function readLine(text: string, span: Span): Line {
  const line: Line = piece(text, span.start, span.end);
  const kv = line.text.includes("\n") ? null : KEY_VALUE.exec(line.text);
  if (kv) {
    const keyStart = span.start + kv.index + kv[0].indexOf(kv[1]);
    const valueStart = span.start + kv[0].length - kv[2].length;
    line.row = { ...line, key: piece(text, keyStart, keyStart + kv[1].length), value: piece(text, valueStart, span.end) };
  }
  const item = ITEM.exec(line.text);
  if (item) line.item = { ordered: item[2] !== undefined, number: Number(item[2] ?? 1), content: span.start + item[0].length };
  return line;
}

/** Trims a span's surrounding whitespace (the line blocks keep a line's trailing spaces). */
function trimmed(text: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/** Groups a run of lines into blocks: items into lists, two or more key-value lines in a row into a table. */
function groupLines(text: string, lines: Line[], out: DocumentBlock[]) {
  lines.forEach((line, i) => {
    const last = out[out.length - 1];
    // The block the line before went into, if that line was in this run: lines only join that one.
    const open = i > 0 && last?.end === lines[i - 1].end ? last : null;
    // A table is a run of key-value lines with no blank line between them.
    const next = (a: Line | undefined, b: Line | undefined) => !!a?.row && !!b?.row && !text.slice(a.end, b.start).includes("\n\n");
    if (next(line, lines[i + 1]) || next(lines[i - 1], line)) {
      if (open?.kind === "table" && next(lines[i - 1], line)) {
        open.rows.push(line.row!);
        Object.assign(open, piece(text, open.start, line.end));
      } else out.push({ kind: "table", ...piece(text, line.start, line.end), rows: [line.row!] });
    } else if (line.item) {
      const content = piece(text, line.item.content, line.end);
      if (open?.kind === "list" && open.ordered === line.item.ordered) {
        open.items.push(content);
        Object.assign(open, piece(text, open.start, line.end));
      } else out.push({ kind: "list", ...piece(text, line.start, line.end), ordered: line.item.ordered, first: line.item.number, items: [content] });
    } else out.push({ kind: "paragraph", ...piece(text, line.start, line.end) });
  });
}

/** The document as blocks, in order; the blank lines and markup (list marks, "==") between them are not shown. */
export function documentBlocks(text: string): DocumentBlock[] {
  const out: DocumentBlock[] = [];
  let from = 0;
  const body = (to: number) => {
    const spans = lineBlocks(text, from, to)
      .map((b) => trimmed(text, b))
      .filter((b): b is Span => b !== null);
    groupLines(text, spans.map((s) => readLine(text, s)), out);
  };
  for (const heading of findHeadings(text)) {
    body(heading.start);
    const { start, end } = trimmed(text, heading)!;
    out.push({ kind: "heading", ...piece(text, start, end), level: heading.level, title: piece(text, heading.titleSpan.start, heading.titleSpan.end) });
    from = heading.end;
  }
  body(text.length);
  return out;
}
