"use client";

import type { KeyboardEvent } from "react";
import type { CheckResponse } from "@/lib/types";
import { claimSegments } from "./claim-segments";
import { legendId } from "./legend-id";

type Props = {
  text: string;
  claims: CheckResponse["claims"];
  active: number | null;
  onOpenClaim: (index: number, trigger: HTMLElement) => void;
};

/**
 * The submitted text as it was written (copying it gives the text back), each claim underlined in its
 * verdict's colour and described by the legend's entry. Claims are buttons (role="button" on a span: a
 * <button> cannot wrap across lines like the sentence it holds).
 */
export function CheckedText({ text, claims, active, onOpenClaim }: Props) {
  const onKeyDown = (index: number) => (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== "Enter" && e.key !== " ") return;
    e.preventDefault();
    onOpenClaim(index, e.currentTarget);
  };

  return (
    <div className="checked-text" data-testid="checked-text">
      {claimSegments(text, claims).map((s) => {
        if (s.claim === undefined) return <span key={s.start}>{s.text}</span>;
        const claim = claims[s.claim];
        const index = s.claim;
        return (
          <span
            key={s.start}
            role="button"
            tabIndex={0}
            className="claim"
            data-verdict={claim.verdict}
            data-active={active === index || undefined}
            aria-pressed={active === index}
            aria-describedby={legendId(claim.verdict)}
            aria-haspopup={claim.evidence.length > 0 ? "dialog" : undefined}
            onClick={(e) => onOpenClaim(index, e.currentTarget)}
            onKeyDown={onKeyDown(index)}
          >
            {s.text}
          </span>
        );
      })}
    </div>
  );
}
