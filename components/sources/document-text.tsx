"use client";

import { useLayoutEffect, useRef } from "react";
import type { PassageRange } from "./passage-range";

type Props = { text: string; range: PassageRange; n: number };

/**
 * A document's full text (as text, never as HTML), with the cited passage highlighted and its supporting
 * sentence(s) in <mark>, scrolled into view.
 */
export function DocumentText({ text, range, n }: Props) {
  const markRef = useRef<HTMLElement>(null);

  useLayoutEffect(() => {
    const mark = markRef.current;
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
  }, [text, range.start, range.end, range.quoteStart, range.quoteEnd]);

  return (
    <div className="document-text">
      {text.slice(0, range.start)}
      <span className="passage" data-passage={n}>
        <span className="visually-hidden">Start of cited passage {n}. </span>
        {text.slice(range.start, range.quoteStart)}
        <mark ref={markRef} className="quote" data-quote={n}>
          {text.slice(range.quoteStart, range.quoteEnd)}
        </mark>
        {text.slice(range.quoteEnd, range.end)}
        <span className="visually-hidden"> End of cited passage {n}.</span>
      </span>
      {text.slice(range.end)}
    </div>
  );
}
