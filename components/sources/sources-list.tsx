"use client";

import type { Citation } from "@/lib/types";
import { DocumentIcon } from "@/components/ui/icons";
import { SourceMeta } from "./source-meta";

type Props = {
  citations: Citation[];
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

/** The documents an answer cites: title, source and date; a row opens the document at its first citation. */
export function SourcesList({ citations, onOpenCitation }: Props) {
  const groups = byDocument(citations);
  if (groups.length === 0) return null;
  return (
    <section className="sources" aria-label="Sources">
      <h3 className="sources-heading">Sources</h3>
      <ul className="sources-list">
        {groups.map((g) => (
          <li key={g.docId} className="source-item">
            <span className="source-numbers" aria-label={`Citations ${g.numbers.join(", ")}`}>
              {g.numbers.map((n) => (
                <span key={n} className="citation-number" aria-hidden="true">
                  {n}
                </span>
              ))}
            </span>
            <span className="source-body">
              <button
                type="button"
                className="source-title"
                aria-haspopup="dialog"
                onClick={(e) => onOpenCitation(g.first, e.currentTarget)}
              >
                <DocumentIcon size={15} className="source-icon" />
                <span>{g.first.title}</span>
              </button>
              <SourceMeta source={g.first.source} publishedAt={g.first.publishedAt} linkSource />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
