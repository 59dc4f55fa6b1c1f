"use client";

import { createPortal } from "react-dom";
import type { Citation } from "@/lib/types";
import { SectionPath } from "@/components/sources/section-path";
import { SourceMeta } from "@/components/sources/source-meta";
import { citationExcerpt } from "./citation-excerpt";

export type PreviewPosition = { left: number; top?: number; bottom?: number; width: number };

type Props = {
  id: string;
  /** Where the card is drawn: a landmark around the chip. */
  container: HTMLElement;
  citation: Citation;
  position: PreviewPosition;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
};

/** The card shown while a citation chip is hovered or focused: which document, and the passage. */
export function CitationPreview({ id, container, citation, position, onPointerEnter, onPointerLeave }: Props) {
  const excerpt = citationExcerpt(citation);
  return createPortal(
    <div
      id={id}
      role="tooltip"
      className="citation-preview"
      style={{ left: position.left, top: position.top, bottom: position.bottom, width: position.width }}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
    >
      <div className="citation-preview-head">
        <span className="citation-number" aria-hidden="true">
          {citation.n}
        </span>
        <span className="citation-preview-title">{citation.title}</span>
      </div>
      <div className="citation-preview-meta">
        <SourceMeta source={citation.source} publishedAt={citation.publishedAt} page={citation.page} />
        <SectionPath section={citation.section} />
      </div>
      <p className="citation-preview-text">
        {excerpt.before}
        {excerpt.quote && <mark>{excerpt.quote}</mark>}
        {excerpt.after}
      </p>
      <p className="citation-preview-hint" aria-hidden="true">
        Click to open the document
      </p>
    </div>,
    container,
  );
}
