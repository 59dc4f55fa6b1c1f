"use client";

import { ChevronRightIcon, LogoIcon } from "@/components/ui/icons";

const EXAMPLES = [
  "Where is NATO's main headquarters?",
  "When did Spain join the alliance?",
  "What does Article 5 say?",
  "Which countries are NATO partners?",
];

/** The empty conversation: what this is, and questions to start with. */
export function ExampleQuestions({ onAsk, disabled }: { onAsk: (q: string) => void; disabled?: boolean }) {
  return (
    <div className="welcome">
      <div className="welcome-logo" aria-hidden="true">
        <LogoIcon size={34} />
      </div>
      <h2 className="welcome-title">Ask the NATO documents</h2>
      <p className="welcome-text">
        Answers come only from a small library of NATO documents: Wikipedia, nato.int, BBC News and more. Every claim
        links to the exact passage it comes from.
      </p>
      <ul className="examples" aria-label="Example questions">
        {EXAMPLES.map((q) => (
          <li key={q}>
            <button type="button" className="example" onClick={() => onAsk(q)} disabled={disabled}>
              <span>{q}</span>
              <ChevronRightIcon size={16} className="example-arrow" />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
