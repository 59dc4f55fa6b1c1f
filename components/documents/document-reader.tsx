"use client";

import { useEffect, useState } from "react";
import type { Span } from "@/lib/text/spans";
import { DocumentText } from "@/components/sources/document-text";
import { spanFromHash } from "@/components/sources/passage-link";

/**
 * A document read whole on its library page. A link's "#start-end" (never sent to the server)
 * highlights that span and scrolls to it; a new hash moves the highlight.
 */
export function DocumentReader({ text }: { text: string }) {
  const [span, setSpan] = useState<Span | null>(null);
  const [badHash, setBadHash] = useState(false);

  useEffect(() => {
    const read = () => {
      const hash = window.location.hash;
      const found = spanFromHash(hash, text.length);
      setSpan(found);
      setBadHash(hash.length > 1 && !found);
    };
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, [text]);

  const range = span && { ...span, quoteStart: span.start, quoteEnd: span.end, exact: true };
  return (
    <>
      {badHash && (
        <p className="note note-warning" role="note">
          The link points to a passage that is not in this document (it may have changed since): the whole document is shown.
        </p>
      )}
      <DocumentText text={text} range={range} headingLevel={2} />
    </>
  );
}
