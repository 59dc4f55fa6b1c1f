import { z } from "zod";
import { CHANGE_KINDS, type Conflicts } from "./conflicts";
import fitted from "./weights.json";

export type ClaimVerdict = "supported" | "contradicted" | "not_found";

/**
 * The fitted thresholds (`npm run fit -- --claims` chooses them by a grid over the labelled
 * claims of eval/claims.jsonl, see lib/eval/claims.ts): the judge score from which a passage
 * that holds the claim's facts supports it, and from which a passage that states the claim
 * differently contradicts it; and which differences veto support (the judge looks for the
 * claim's numbers and names anywhere in the passage, and for a negation only the claim adds).
 */
export const checkWeightsSchema = z.object({
  version: z.literal(1),
  fittedOn: z.string(),
  supported: z.number().min(0).max(1),
  contradicted: z.number().min(0).max(1),
  /** Differences from its best passage that keep a claim from being supported even when the judge finds its facts there. */
  vetoes: z.array(z.enum(CHANGE_KINDS)),
});

export type CheckWeights = z.infer<typeof checkWeightsSchema>;

let parsed: CheckWeights | undefined;

export function checkWeights(): CheckWeights {
  parsed ??= checkWeightsSchema.parse(fitted);
  return parsed;
}

/** What a verdict is decided from: the best passage's judge score, whether it holds the claim's facts, how it differs. */
export type ClaimSignals = { score: number; supported: boolean; conflicts: Conflicts };

const clamp = (x: number) => Math.max(0, Math.min(1, x));
const round = (x: number) => Math.round(x * 1000) / 1000;

/** How far a score lies past a threshold, as 0.5 (at it) to 1 (a copy): the confidence. */
const past = (score: number, threshold: number) => 0.5 + 0.5 * clamp((score - threshold) / Math.max(1e-6, 1 - threshold));

export function decide(signals: ClaimSignals, weights: CheckWeights = checkWeights()): { verdict: ClaimVerdict; confidence: number } {
  const { score, supported, conflicts } = signals;
  const vetoed = weights.vetoes.some((k) => conflicts[k]);
  if (supported && !vetoed && score >= weights.supported) return { verdict: "supported", confidence: round(past(score, weights.supported)) };
  if (score >= weights.contradicted && CHANGE_KINDS.some((k) => conflicts[k])) {
    return { verdict: "contradicted", confidence: round(past(score, weights.contradicted)) };
  }
  // Not found: surer the further the best passage lies below both thresholds.
  const nearest = Math.min(weights.supported, weights.contradicted);
  return { verdict: "not_found", confidence: round(0.5 + 0.5 * clamp((nearest - score) / Math.max(1e-6, nearest))) };
}
