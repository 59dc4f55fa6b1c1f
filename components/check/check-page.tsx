"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { CheckResponse, Citation } from "@/lib/types";
import { ErrorNotice } from "@/components/chat/error-notice";
import { SourcePanel } from "@/components/sources/source-panel";
import { useMediaQuery } from "@/hooks/use-media-query";
import { CheckForm } from "./check-form";
import { PageHeader } from "@/components/ui/page-header";
import { CheckSummary } from "./check-summary";
import { CheckedText } from "./checked-text";
import { ClaimDetails } from "./claim-details";
import { describeCheckError } from "./describe-check-error";
import { formatCounts } from "./format-counts";
import { postCheck } from "./post-check";

type Checked = { text: string; response: CheckResponse };

/** The Check page: a text in, each claim back underlined by verdict, its evidence in the source panel. */
export function CheckPage() {
  const [checked, setChecked] = useState<Checked | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ error: Error; text: string } | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const [shown, setShown] = useState<Citation | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const request = useRef<AbortController | null>(null);
  const resultRef = useRef<HTMLElement>(null);
  const phone = useMediaQuery("(max-width: 767.98px)");

  useEffect(() => {
    // Lets tests (and styles) know the page is interactive.
    if (rootRef.current) rootRef.current.dataset.hydrated = "true";
    return () => request.current?.abort();
  }, []);

  // A new result is brought into view: scroll only the page's own column, never the frame around it.
  useEffect(() => {
    const result = resultRef.current;
    const column = result?.closest<HTMLElement>(".page-column");
    if (!result || !column) return;
    const top = result.getBoundingClientRect().top - column.getBoundingClientRect().top + column.scrollTop;
    column.scrollTo({ top: Math.max(0, top - 16), behavior: "smooth" });
  }, [checked]);

  const check = useCallback(async (text: string) => {
    request.current?.abort();
    const controller = (request.current = new AbortController());
    setBusy(true);
    setError(null);
    try {
      const response = await postCheck(text, controller.signal);
      setChecked({ text, response });
      setActive(null);
      setShown(null);
    } catch (e) {
      if (controller.signal.aborted) return;
      setError({ error: e instanceof Error ? e : new Error(String(e)), text });
    } finally {
      if (request.current === controller) setBusy(false);
    }
  }, []);

  const openEvidence = useCallback((citation: Citation, trigger: HTMLElement) => {
    returnFocus.current = trigger;
    setShown(citation);
  }, []);

  const openClaim = useCallback(
    (index: number, trigger: HTMLElement) => {
      setActive(index);
      const evidence = checked?.response.claims[index]?.evidence[0];
      if (evidence) openEvidence(evidence, trigger);
      else setShown(null);
    },
    [checked, openEvidence],
  );

  const closePanel = useCallback(() => {
    setShown(null);
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target?.isConnected) target.focus();
  }, []);

  const claim = checked && active !== null ? checked.response.claims[active] : null;
  const covered = !!shown && phone;

  return (
    <div ref={rootRef} className="app" data-panel-open={shown ? "" : undefined}>
      <PageHeader inert={covered} />
      <div className="app-body">
        <main className="page-column" aria-label="Check a text" inert={covered}>
          <div className="check-inner">
            <h1 className="check-title">Check a text</h1>
            <p className="check-intro">
              Paste a text written elsewhere (a report, a briefing, an AI&apos;s answer). Each statement comes back
              underlined: <span className="verdict-word" data-verdict="supported">supported</span> by the documents,{" "}
              <span className="verdict-word" data-verdict="contradicted">contradicted</span> by them, or{" "}
              <span className="verdict-word" data-verdict="not_found">not found</span> in them. Select one to read its
              evidence.
            </p>
            <CheckForm busy={busy} onCheck={(text) => void check(text)} />
            {error && <ErrorNotice error={error.error} onRetry={() => void check(error.text)} describe={describeCheckError} />}
            {checked && (
              <section ref={resultRef} className="check-result" aria-label="Checked text">
                <CheckSummary counts={checked.response.counts} />
                {checked.response.claims.length === 0 ? (
                  <p className="note note-muted">No statements to check were found in this text.</p>
                ) : (
                  <CheckedText text={checked.text} claims={checked.response.claims} active={active} onOpenClaim={openClaim} />
                )}
                {claim && <ClaimDetails claim={claim} shown={shown} onOpenEvidence={openEvidence} />}
              </section>
            )}
            <p className="visually-hidden" role="status" aria-live="polite">
              {busy ? "Checking…" : checked ? `Checked: ${formatCounts(checked.response.counts)}.` : ""}
            </p>
          </div>
        </main>
        {shown && <SourcePanel citation={shown} onClose={closePanel} modal={phone} />}
      </div>
    </div>
  );
}
