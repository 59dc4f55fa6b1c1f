import { InfoIcon } from "./icons";

/** Shown under an answer when the documents hold no sufficient evidence for the question. */
export function NotCoveredNote() {
  return (
    <div className="note note-warning" role="note" data-testid="not-covered">
      <InfoIcon size={16} className="note-icon" />
      <span>
        <strong>Not covered by the documents.</strong> No passage answers this, so nothing is cited. Try asking about
        NATO&apos;s history, members, structure or partners.
      </span>
    </div>
  );
}

/** A remark from the server about how the answer was made (e.g. a fallback answerer). */
export function AnswerRemark({ children }: { children: React.ReactNode }) {
  return (
    <div className="note note-muted" role="note">
      <InfoIcon size={16} className="note-icon" />
      <span>{children}</span>
    </div>
  );
}
