import { z } from "zod";
import { CHANGE_KINDS } from "@/lib/check/conflicts";
import { decide, type CheckWeights, type ClaimSignals, type ClaimVerdict } from "@/lib/check/verdict";
import { embedClaims, examineClaim } from "@/lib/engine/check";
import type { Engine } from "@/lib/engine/engine";
import { verifyContext } from "@/lib/engine/verify-context";
import { readJsonLines } from "./questions";

/** The labelled claims of the repository (written from corpus/, see eval/README or the README's "Citation checking"). */
export const CLAIMS_FILE = "eval/claims.jsonl";

/**
 * One labelled claim: its verdict; for supported and contradicted ones the corpus text it rests
 * on; how a contradicted one was made (change), and what kind a supported (verbatim, paraphrase)
 * or not-found (plausible, off_corpus) one is.
 */
export const labelledClaimSchema = z.object({
  id: z.string(),
  text: z.string().min(1),
  verdict: z.enum(["supported", "contradicted", "not_found"]),
  kind: z.enum(["verbatim", "paraphrase", "plausible", "off_corpus"]).optional(),
  change: z.enum(CHANGE_KINDS).optional(),
  support: z.string().optional(),
});

export type LabelledClaim = z.infer<typeof labelledClaimSchema>;

export const readClaims = (file = CLAIMS_FILE) => readJsonLines(file, labelledClaimSchema);

export type ExaminedLabel = { claim: LabelledClaim; signals: ClaimSignals };

/** Each claim judged once against its retrieved evidence: fitting and scoring then only compare thresholds. */
export async function examineLabelled(engine: Engine, claims: LabelledClaim[]): Promise<ExaminedLabel[]> {
  const ctx = verifyContext(engine);
  const vectors = await embedClaims(engine, claims.map((c) => c.text));
  return Promise.all(claims.map(async (claim, i) => ({ claim, signals: (await examineClaim(engine, ctx, claim.text, vectors[i])).judged.signals })));
}

const VERDICTS: ClaimVerdict[] = ["supported", "contradicted", "not_found"];

export type ClaimMetrics = {
  claims: number;
  perVerdict: Record<ClaimVerdict, { precision: number | null; recall: number | null; n: number }>;
  /** Recall of contradicted claims by how they were made, and of supported / not-found ones by kind. */
  recallBy: Record<string, { correct: number; n: number }>;
  macroF1: number;
};

const ratio = (a: number, b: number) => (b ? a / b : null);

export function scoreVerdicts(labels: LabelledClaim[], predicted: ClaimVerdict[]): ClaimMetrics {
  const perVerdict = {} as ClaimMetrics["perVerdict"];
  let f1 = 0;
  for (const v of VERDICTS) {
    const tp = labels.filter((c, i) => c.verdict === v && predicted[i] === v).length;
    const precision = ratio(tp, predicted.filter((p) => p === v).length);
    const recall = ratio(tp, labels.filter((c) => c.verdict === v).length);
    perVerdict[v] = { precision, recall, n: labels.filter((c) => c.verdict === v).length };
    if (precision && recall) f1 += (2 * precision * recall) / (precision + recall) / VERDICTS.length;
  }
  const recallBy: ClaimMetrics["recallBy"] = {};
  labels.forEach((c, i) => {
    const key = `${c.verdict}:${c.change ?? c.kind ?? "all"}`;
    const r = (recallBy[key] ??= { correct: 0, n: 0 });
    r.n++;
    if (predicted[i] === c.verdict) r.correct++;
  });
  return { claims: labels.length, perVerdict, recallBy, macroF1: f1 };
}

export function measure(examined: ExaminedLabel[], weights: CheckWeights): ClaimMetrics {
  return scoreVerdicts(examined.map((e) => e.claim), examined.map((e) => decide(e.signals, weights).verdict));
}

/** Supported precision the fit must keep when it can: a checker that calls wrong claims supported misleads. */
const MIN_SUPPORTED_PRECISION = 0.9;
const grid = (from: number, to: number) => Array.from({ length: Math.round((to - from) / 0.01) + 1 }, (_, i) => Math.round((from + i * 0.01) * 100) / 100);

/** Every subset of the change kinds, smallest first. */
const subsets = <T>(items: readonly T[]): T[][] => items.reduce<T[][]>((all, x) => [...all, ...all.map((s) => [...s, x])], [[]]).sort((a, b) => a.length - b.length);

/**
 * The two thresholds and the vetoes by an exhaustive grid (steps of 0.01): the support threshold
 * from the judge's own 0.55 to 0.95, the contradiction threshold from 0.30 to 0.95, each subset of
 * change kinds as vetoes. Best macro-F1 over the three verdicts among the settings keeping
 * supported precision ≥ 0.9 (all settings if none does); ties keep the first (fewest vetoes, lowest thresholds).
 */
export function fitThresholds(examined: ExaminedLabel[], fittedOn: string): CheckWeights {
  let best: { weights: CheckWeights; f1: number; safe: boolean } | null = null;
  for (const vetoes of subsets(CHANGE_KINDS)) for (const supported of grid(0.55, 0.95)) {
    for (const contradicted of grid(0.3, 0.95)) {
      const weights: CheckWeights = { version: 1, fittedOn, supported, contradicted, vetoes };
      const m = measure(examined, weights);
      const safe = (m.perVerdict.supported.precision ?? 0) >= MIN_SUPPORTED_PRECISION;
      if (!best || (safe && !best.safe) || (safe === best.safe && m.macroF1 > best.f1)) best = { weights, f1: m.macroF1, safe };
    }
  }
  return best!.weights;
}

/** Out-of-sample verdicts: each fold judged with thresholds fitted on the others (folds by position mod k). */
export function crossValidated(examined: ExaminedLabel[], folds: number): ClaimMetrics {
  const predicted: ClaimVerdict[] = new Array(examined.length);
  for (let f = 0; f < folds; f++) {
    const weights = fitThresholds(examined.filter((_, i) => i % folds !== f), "fold");
    examined.forEach((e, i) => {
      if (i % folds === f) predicted[i] = decide(e.signals, weights).verdict;
    });
  }
  return scoreVerdicts(examined.map((e) => e.claim), predicted);
}
