import { collapseWhitespace } from "@/lib/text/normalize";
import { timeSlicer } from "@/lib/time-slice";
import type { Span } from "@/lib/text/spans";
import type { AnswerSentence } from "@/lib/types";
import { copiedVector, judgeSentence, type CitedSpan, type VerifyContext } from "./judge";
import { rewriteMarkers, stripMarkers } from "./markers";
import { widenQuote } from "./numbering";
import { isRefusal } from "./refusal";
import { splitAnswer, type SegmentMode } from "./segment";

export type VerifiableCitation = CitedSpan & { quote?: Span };

export type Verified<C> = {
  /** The answer with markers that point at no citation removed and the rest renumbered 1..m by first use. */
  answer: string;
  /** The cited citations, renumbered, each quoting the spans that support the sentences citing it. */
  citations: C[];
  sentences: AnswerSentence[];
  /** Marker numbers that had no citation and were removed. */
  dropped: number[];
};

/** Renumbers markers 1..m in order of first use; markers without a citation go, unused citations too. */
export function renumber<C extends VerifiableCitation>(answer: string, citations: C[]): Omit<Verified<C>, "sentences"> {
  const byN = new Map(citations.map((c) => [c.n, c]));
  const order = new Map<C, number>();
  const dropped = new Set<number>();
  const text = rewriteMarkers(answer, (n) => {
    const c = byN.get(n);
    if (!c) {
      dropped.add(n);
      return null;
    }
    if (!order.has(c)) order.set(c, order.size + 1);
    return order.get(c)!;
  });
  const renumbered = [...order].map(([c, n]) => {
    const copy = { ...c, n };
    delete copy.quote; // recomputed from the sentences it supports
    return copy;
  });
  return { answer: text, citations: renumbered, dropped: [...dropped] };
}

/**
 * Citation verification, applied to every answer: renumbers the markers, then judges each
 * sentence against the passages it cites and sets each citation's quote to the spans that
 * support its sentences (a citation supporting none gets no quote). Uncited sentences are
 * unsupported.
 */
export async function verifyAnswer<C extends VerifiableCitation>(
  answer: string,
  citations: C[],
  ctx: VerifyContext,
  mode: SegmentMode = "sentences",
): Promise<Verified<C>> {
  const renumbered = renumber(answer, citations);
  if (isRefusal(renumbered.answer)) return { ...renumbered, sentences: [] };
  const byN = new Map(renumbered.citations.map((c) => [c.n, c]));
  const segments = splitAnswer(renumbered.answer, mode);
  const claims = segments.map((s) => collapseWhitespace(stripMarkers(s.text)));
  const citedBy = segments.map((s) => s.citations.map((n) => byN.get(n)!));
  // Long answers are judged a few sentences at a time, letting other requests in between.
  const slice = timeSlicer();
  // Sentences copied from their passages reuse the index's vectors; the rest are embedded in one batch.
  const vectors: (Float32Array | null)[] = [];
  for (const [i, s] of segments.entries()) {
    vectors.push(s.citations.length && claims[i] ? copiedVector(ctx, claims[i], citedBy[i]) : null);
    await slice();
  }
  const toEmbed = segments.map((s, i) => i).filter((i) => segments[i].citations.length && claims[i] && !vectors[i]);
  if (toEmbed.length) (await ctx.embed(toEmbed.map((i) => claims[i]))).forEach((v, j) => (vectors[toEmbed[j]] = v));
  const sentences: AnswerSentence[] = [];
  for (const [i, s] of segments.entries()) {
    const vector = vectors[i];
    const verdict = vector ? judgeSentence(ctx, claims[i], vector, citedBy[i]) : null;
    if (verdict?.supported) for (const e of verdict.evidence) widenQuote(byN.get(e.n)!, e);
    sentences.push({ text: s.text, citations: s.citations, supported: verdict?.supported ?? false, start: s.start, end: s.end, ...(verdict ? { score: verdict.score } : {}) });
    await slice();
  }
  return { ...renumbered, sentences };
}
