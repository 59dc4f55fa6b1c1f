"use client";

import type { CheckedClaim, Citation } from "@/lib/types";
import { DocumentIcon } from "@/components/ui/icons";
import { VERDICTS } from "./verdicts";

type Props = {
  claim: CheckedClaim;
  shown: Citation | null;
  onOpenEvidence: (citation: Citation, trigger: HTMLElement) => void;
};

/** The claim being read: its verdict, how sure, whether its own citation holds, and its evidence. */
export function ClaimDetails({ claim, shown, onOpenEvidence }: Props) {
  const verdict = VERDICTS.find((v) => v.verdict === claim.verdict)!;
  return (
    <section className="claim-details" aria-label="Selected claim" data-verdict={claim.verdict}>
      <p className="claim-verdict">
        <span className="legend-swatch" data-verdict={claim.verdict} aria-hidden="true" />
        <strong>{verdict.label[0].toUpperCase() + verdict.label.slice(1)}</strong>
        <span className="claim-confidence">{Math.round(claim.confidence * 100)}% confidence</span>
      </p>
      <blockquote className="claim-quote">{claim.text}</blockquote>
      {claim.cited && (
        <p className="claim-cited">
          {claim.cited.supported ? "Its own citation backs it." : "Its own citation does not back it."}
        </p>
      )}
      {claim.evidence.length === 0 ? (
        <p className="claim-none">No passage in the documents states this.</p>
      ) : (
        <ul className="claim-evidence" aria-label="Evidence">
          {claim.evidence.map((c) => (
            <li key={`${c.chunkId}:${c.n}`}>
              <button
                type="button"
                className="source-title"
                aria-haspopup="dialog"
                aria-current={shown === c || undefined}
                onClick={(e) => onOpenEvidence(c, e.currentTarget)}
              >
                <DocumentIcon size={15} className="source-icon" />
                <span>{c.title}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
