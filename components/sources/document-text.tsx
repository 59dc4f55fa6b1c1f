"use client";

import { useLayoutEffect, useMemo, useRef, type ReactNode } from "react";
import type { Span } from "@/lib/text/spans";
import { documentBlocks, type DocumentBlock } from "./document-blocks";
import type { PassageRange } from "./passage-range";

type Props = {
  text: string;
  /** The span to highlight (the cited passage, its supporting sentence(s) in <mark>), scrolled into view. */
  range?: PassageRange | null;
  /** The citation's number; without one the span is a linked passage. */
  n?: number;
  /** The element level of the document's own level-1 headings: under the panel's h2 they are h3. */
  headingLevel?: number;
};

/**
 * A document's full text (as text, never as HTML), drawn as headings, paragraphs, lists and tables,
 * with the highlighted span marked exactly by its offsets, even where it crosses blocks.
 */
export function DocumentText({ text, range = null, n, headingLevel = 3 }: Props) {
  const rootRef = useRef<HTMLDivElement>(null);
  const blocks = useMemo(() => documentBlocks(text), [text]);

  useLayoutEffect(() => {
    const mark = rootRef.current?.querySelector("mark");
    if (!mark) return;
    // Scroll only the panel's own scroller: scrollIntoView would also move the page around it.
    const scroller = mark.closest<HTMLElement>("[data-scroller]");
    if (!scroller) {
      mark.scrollIntoView({ block: "center" });
      return;
    }
    const box = scroller.getBoundingClientRect();
    const target = mark.getBoundingClientRect();
    const offset = target.top - box.top + scroller.scrollTop;
    // Centred when it fits; a quote taller than the panel starts near the top instead.
    const margin = target.height < box.height * 0.8 ? (box.height - target.height) / 2 : 24;
    scroller.scrollTop = Math.max(0, offset - margin);
  }, [text, range?.start, range?.end, range?.quoteStart, range?.quoteEnd]);

  const draw = (block: DocumentBlock) => <Block key={block.start} text={text} block={block} range={range} n={n} headingLevel={headingLevel} />;
  const first = range ? blocks.findIndex((b) => b.end > range.start) : -1;
  const last = range ? blocks.findLastIndex((b) => b.start < range.end) : -1;
  if (!range || first < 0 || last < first) {
    return (
      <div ref={rootRef} className="document-text">
        {blocks.map(draw)}
      </div>
    );
  }
  const label = n === undefined ? "linked passage" : `cited passage ${n}`;
  return (
    <div ref={rootRef} className="document-text">
      {blocks.slice(0, first).map(draw)}
      <div className="passage" data-passage={n ?? ""}>
        <span className="visually-hidden">Start of {label}. </span>
        {blocks.slice(first, last + 1).map(draw)}
        <span className="visually-hidden"> End of {label}.</span>
      </div>
      {blocks.slice(last + 1).map(draw)}
    </div>
  );
}

type BlockProps = { text: string; block: DocumentBlock; range: PassageRange | null; n?: number; headingLevel: number };

function Block({ text, block, range, n, headingLevel }: BlockProps) {
  const show = (span: Span) => highlighted(text, span, range, n);
  switch (block.kind) {
    case "heading": {
      const Heading = `h${Math.min(6, headingLevel + block.level - 1)}` as "h3";
      return <Heading className="doc-heading">{show(block.title)}</Heading>;
    }
    case "list": {
      const items = block.items.map((item) => <li key={item.start}>{show(item)}</li>);
      return block.ordered ? <ol start={block.first}>{items}</ol> : <ul>{items}</ul>;
    }
    case "table":
      return (
        <table className="doc-table">
          <tbody>
            {block.rows.map((row) => (
              <tr key={row.start}>
                <th scope="row">{show(row.key)}</th>
                <td>{show(row.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    default:
      return <p>{show(block)}</p>;
  }
}

/** text[span] cut where the highlight starts and ends: the passage in a highlight, its quote in <mark>. */
function highlighted(text: string, span: Span, range: PassageRange | null, n?: number): ReactNode {
  if (!range || range.end <= span.start || range.start >= span.end) return text.slice(span.start, span.end);
  const cuts = [span.start, span.end, range.start, range.quoteStart, range.quoteEnd, range.end]
    .filter((c) => c >= span.start && c <= span.end)
    .sort((a, b) => a - b)
    .filter((c, i, all) => i === 0 || c !== all[i - 1]);
  return cuts.slice(1).map((end, i) => {
    const start = cuts[i];
    const part = text.slice(start, end);
    if (start >= range.quoteStart && end <= range.quoteEnd) {
      return (
        <mark key={start} className="quote" data-quote={n ?? ""}>
          {part}
        </mark>
      );
    }
    if (start >= range.start && end <= range.end) {
      return (
        <span key={start} className="passage-text">
          {part}
        </span>
      );
    }
    return part;
  });
}
