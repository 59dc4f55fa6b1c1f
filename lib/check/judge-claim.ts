import { judgeSentence, type CitedSpan, type Evidence, type VerifyContext } from "@/lib/citations/judge";
import { conflictsBetween } from "./conflicts";
import type { ClaimSignals } from "./verdict";

/** The claim judged against its retrieved passages: the signals a verdict is decided from, and the span behind them. */
export type ClaimEvidence = { signals: ClaimSignals; best: Evidence | null; quote: string };

const withoutNumbers = (text: string) => text.replace(/\d[\d,.]*/g, " ");

/**
 * Judges a claim against each passage on its own (a claim is supported when one passage holds
 * all of it) and keeps the best: a passage that supports it if any does, else the passage most
 * like it, whose sentence is compared with the claim for a changed number, date, name or negation.
 */
export function judgeClaim(ctx: VerifyContext, claim: string, vector: Float32Array, passages: CitedSpan[]): ClaimEvidence {
  let best: { supported: boolean; evidence: Evidence } | null = null;
  for (const passage of passages) {
    const verdict = judgeSentence(ctx, claim, vector, [passage]);
    const evidence = verdict.evidence[0];
    if (!evidence) continue;
    const better = !best || (verdict.supported && !best.supported) || (verdict.supported === best.supported && evidence.score > best.evidence.score);
    if (better) best = { supported: verdict.supported, evidence };
  }
  if (!best) return { signals: { score: 0, supported: false, conflicts: { number: false, date: false, name: false, polarity: false } }, best: null, quote: "" };
  const passage = passages.find((p) => p.n === best.evidence.n)!;
  const quote = ctx.documentSlice(passage.docId, best.evidence.start, best.evidence.end);
  // A changed number or date costs the claim the words it changed: judged without its numbers,
  // "founded in 1959" reads as close to "established on 4 April 1949" as the true claim would.
  const score = best.supported ? best.evidence.score : Math.max(best.evidence.score, judgeSentence(ctx, withoutNumbers(claim), vector, [passage]).score);
  return {
    signals: { score, supported: best.supported, conflicts: conflictsBetween(claim, quote, ctx.isName) },
    best: best.evidence,
    quote,
  };
}
