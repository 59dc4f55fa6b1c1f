"use client";

import { useCollection } from "@/components/collection/collection-context";
import { InfoIcon } from "@/components/ui/icons";

/** Shown under an answer when the documents hold no sufficient evidence for the question. */
export function NotCoveredNote() {
  const { notCoveredHint } = useCollection();
  return (
    <div className="note note-warning" role="note" data-testid="not-covered">
      <InfoIcon size={16} className="note-icon" />
      <span>
        <strong>Not covered by the documents.</strong> No passage answers this, so nothing is cited. {notCoveredHint}
      </span>
    </div>
  );
}
