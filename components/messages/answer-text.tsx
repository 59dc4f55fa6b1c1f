"use client";

import { Fragment, type ReactNode } from "react";
import type { Citation } from "@/lib/types";
import { CitationChip } from "@/components/citations/citation-chip";
import { tokenizeAnswer, type AnswerToken } from "./answer-tokens";

type Props = {
  text: string;
  citations: Citation[];
  /** Offsets (in `text`) of sentences their citations do not support. */
  unsupported?: { start: number; end: number }[];
  activeN?: number;
  streaming?: boolean;
  onOpenCitation: (citation: Citation, chip: HTMLElement) => void;
};

type Piece = { token: AnswerToken; text?: string; flagged: boolean };

/** Cuts text tokens at the edges of the flagged spans, so that each piece is wholly in or out. */
function pieces(tokens: AnswerToken[], spans: { start: number; end: number }[]): Piece[] {
  const inSpan = (at: number) => spans.some((s) => at >= s.start && at < s.end);
  const out: Piece[] = [];
  for (const token of tokens) {
    if (token.kind === "cite") {
      out.push({ token, flagged: inSpan(token.start) });
      continue;
    }
    const cuts = new Set<number>([token.start, token.end]);
    for (const s of spans) {
      if (s.start > token.start && s.start < token.end) cuts.add(s.start);
      if (s.end > token.start && s.end < token.end) cuts.add(s.end);
    }
    const edges = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < edges.length; i++) {
      const text = token.text.slice(edges[i] - token.start, edges[i + 1] - token.start);
      out.push({ token, text, flagged: inSpan(edges[i]) });
    }
  }
  return out;
}

/** The answer as text with its [n] markers turned into citation chips. */
export function AnswerText({ text, citations, unsupported = [], activeN, streaming = false, onOpenCitation }: Props) {
  const byN = new Map(citations.map((c) => [c.n, c]));
  const groups: { flagged: boolean; nodes: ReactNode[] }[] = [];

  pieces(tokenizeAnswer(text), unsupported).forEach((piece, i) => {
    const node =
      piece.token.kind === "cite" ? (
        <CitationChip
          key={i}
          n={piece.token.n}
          citation={byN.get(piece.token.n)}
          active={activeN === piece.token.n}
          onOpen={onOpenCitation}
        />
      ) : (
        <Fragment key={i}>{piece.text}</Fragment>
      );
    const last = groups[groups.length - 1];
    if (last && last.flagged === piece.flagged) last.nodes.push(node);
    else groups.push({ flagged: piece.flagged, nodes: [node] });
  });

  return (
    <div className="answer-text">
      {groups.map((g, i) =>
        g.flagged ? (
          <span key={i} className="unsupported" title="Not supported by its citations">
            {g.nodes}
            <span className="visually-hidden"> (not supported by its citations)</span>
          </span>
        ) : (
          <Fragment key={i}>{g.nodes}</Fragment>
        ),
      )}
      {streaming && <span className="caret" aria-hidden="true" />}
    </div>
  );
}
