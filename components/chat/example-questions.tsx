"use client";

import Link from "next/link";
import { useCollection } from "@/components/collection/collection-context";
import { ChevronRightIcon, LogoIcon } from "@/components/ui/icons";

/** The empty conversation: what this is, and questions to start with (collection.json's; none without it). */
export function ExampleQuestions({ onAsk, disabled }: { onAsk: (q: string) => void; disabled?: boolean }) {
  const { documents, welcome, examples } = useCollection();
  return (
    <div className="welcome">
      <div className="welcome-logo" aria-hidden="true">
        <LogoIcon size={34} />
      </div>
      <h2 className="welcome-title">Ask {documents}</h2>
      <p className="welcome-text">{welcome}</p>
      {examples.length > 0 ? (
        <ul className="examples" aria-label="Example questions">
          {examples.map((q) => (
            <li key={q}>
              <button type="button" className="example" onClick={() => onAsk(q)} disabled={disabled}>
                <span>{q}</span>
                <ChevronRightIcon size={16} className="example-arrow" />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="welcome-text">
          <Link href="/documents">Browse the documents</Link> to see what they cover.
        </p>
      )}
    </div>
  );
}
