"use client";

import { useEffect, useId, useRef } from "react";
import type { Citation } from "@/lib/types";
import { CloseIcon } from "@/components/ui/icons";
import { useDocument } from "@/hooks/use-document";
import { DocumentText } from "./document-text";
import { passageRange, type PassageRange } from "./passage-range";
import { PassageLinkActions } from "./passage-link-actions";
import { SectionPath } from "./section-path";
import { SourceMeta } from "./source-meta";

type Props = {
  citation: Citation;
  onClose: () => void;
  /** On phones the panel covers the chat and is modal. */
  modal?: boolean;
};

/** The document behind a citation: a drawer on the right on wide screens, a full-screen sheet on phones. */
export function SourcePanel({ citation, onClose, modal = false }: Props) {
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const state = useDocument(citation.docId);
  const range = state.status === "ready" ? passageRange(state.doc.text, citation) : null;

  // Focus moves into the panel when it opens, or shows another citation.
  const key = `${citation.docId}:${citation.start}:${citation.end}:${citation.n}`;
  useEffect(() => {
    closeRef.current?.focus({ preventScroll: true });
  }, [key]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented) onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onClose]);

  return (
    <div className="source-panel" role="dialog" aria-modal={modal || undefined} aria-labelledby={titleId} data-testid="source-panel">
      <div className="panel-header">
        <div className="panel-heading">
          <p className="panel-kicker">
            <span className="citation-number" aria-hidden="true">
              {citation.n}
            </span>
            Source<span className="visually-hidden"> {citation.n}</span>
          </p>
          <h2 id={titleId} className="panel-title">
            {citation.title}
          </h2>
          <div className="panel-meta">
            <SourceMeta source={citation.source} publishedAt={citation.publishedAt} page={citation.page} linkSource />
            <SectionPath section={citation.section} />
          </div>
          {state.status === "ready" && range && <PassageLinkActions docId={citation.docId} span={range} />}
        </div>
        <button ref={closeRef} type="button" className="icon-button" onClick={onClose} aria-label="Close source">
          <CloseIcon size={18} />
        </button>
      </div>
      <div className="panel-body" data-scroller tabIndex={0} aria-label={`Text of ${citation.title}`}>
        <PanelBody citation={citation} state={state} range={range} />
      </div>
    </div>
  );
}

type BodyProps = { citation: Citation; state: ReturnType<typeof useDocument>; range: PassageRange | null };

function PanelBody({ citation, state, range }: BodyProps) {
  if (state.status === "loading") {
    return (
      <p className="panel-status" role="status">
        Loading the document…
      </p>
    );
  }
  if (state.status === "error") {
    return (
      <div className="panel-status" role="alert">
        <p>{state.error}</p>
        <p className="panel-fallback-label">The cited passage:</p>
        <blockquote className="panel-fallback">{citation.text}</blockquote>
        <button type="button" className="button button-secondary" onClick={state.retry}>
          Try again
        </button>
      </div>
    );
  }
  if (!range) {
    return (
      <div className="panel-status">
        <p>This passage is no longer in the document (it has changed since the answer was written).</p>
        <blockquote className="panel-fallback">{citation.text}</blockquote>
      </div>
    );
  }
  return <DocumentText text={state.doc.text} range={range} n={citation.n} />;
}
