"use client";

import type { Citation } from "@/lib/types";
import { DocumentIcon } from "@/components/ui/icons";
import { SourceMeta } from "./source-meta";

type Props = {
  citations: Citation[];
  /** Document titles to list, unlinked, when no citations have arrived (from `source-document` parts). */
  titles?: string[];
  onOpenCitation: (citation: Citation, trigger: HTMLElement) => void;
};

type DocGroup = { docId: string; first: Citation; numbers: number[] };

/** One row per cited document, in the order of its first citation. */
function byDocument(citations: Citation[]): DocGroup[] {
  const groups = new Map<string, DocGroup>();
  for (const c of [...citations].sort((a, b) => a.n - b.n)) {
    const g = groups.get(c.docId);
    if (g) g.numbers.push(c.n);
    else groups.set(c.docId, { docId: c.docId, first: c, numbers: [c.n] });
  }
  return [...groups.values()];
}

/**
 * The documents an answer cites: title, source and date; a row opens the document at its first citation.
 * Without citations, the plain titles stand in.
 */
export function SourcesList({ citations, titles = [], onOpenCitation }: Props) {
  const groups = byDocument(citations);
  if (groups.length === 0 && titles.length === 0) return null;
  return (
    <section className="sources" aria-label="Sources">
      <h3 className="sources-heading">Sources</h3>
      <ul className="sources-list">
        {groups.length > 0
          ? groups.map((g) => <CitedDocument key={g.docId} group={g} onOpenCitation={onOpenCitation} />)
          : titles.map((t) => (
              <li key={t} className="source-item">
                <span className="source-body">{t}</span>
              </li>
            ))}
      </ul>
    </section>
  );
}

function CitedDocument({ group, onOpenCitation }: { group: DocGroup; onOpenCitation: Props["onOpenCitation"] }) {
  return (
    <li className="source-item">
      <span className="source-numbers">
        {group.numbers.map((n) => (
          <span key={n} className="citation-number" aria-hidden="true">
            {n}
          </span>
        ))}
        {/* aria-label is not allowed on a plain span: the numbers are read from hidden text instead. */}
        <span className="visually-hidden">Citations {group.numbers.join(", ")}: </span>
      </span>
      <span className="source-body">
        <button
          type="button"
          className="source-title"
          aria-haspopup="dialog"
          onClick={(e) => onOpenCitation(group.first, e.currentTarget)}
        >
          <DocumentIcon size={15} className="source-icon" />
          <span>{group.first.title}</span>
        </button>
        <SourceMeta source={group.first.source} publishedAt={group.first.publishedAt} linkSource />
      </span>
    </li>
  );
}
