import { z } from "zod";
import fitted from "./weights.json";
import { FEATURES, type Candidate } from "./features";
import { questionAnswerKinds, type AnswerKind } from "@/lib/text/answer-kinds";

/** What refusal looks at: the best-ranked sentence's evidence, and how much of the question the best few hold with the sentences before them. */
export const REFUSAL_FEATURES = ["score", "margin", "dense", "coverage", "related", "missingRare", "unknownWords", "passageCoverage", "bestPassageCoverage", "focus", "contextCoverage"] as const;

/** The fitted model: a linear sentence ranker and a logistic answer-or-refuse classifier. */
export const weightsSchema = z.object({
  version: z.literal(1),
  fittedOn: z.string(),
  ranker: z.record(z.enum(FEATURES), z.number()),
  refusal: z.object({
    weights: z.record(z.enum(REFUSAL_FEATURES), z.number()),
    bias: z.number(),
    /** Below this P(answerable) the extractive answerer refuses. */
    threshold: z.number(),
    /** Below this, clearly off-topic: refused without asking a language model. */
    floor: z.number(),
  }),
  /** A further sentence is kept when its weight relative to the best (softmax) is at least this. */
  keepRatio: z.number(),
});

export type ModelWeights = z.infer<typeof weightsSchema>;

let parsed: ModelWeights | undefined;

/** The weights `npm run fit` wrote, checked once (lazily, so that a refit never depends on the old file). */
export function fittedWeights(): ModelWeights {
  parsed ??= weightsSchema.parse(fitted);
  return parsed;
}

export type RankedSentence = Candidate & { score: number };

export function linear(weights: Record<string, number>, names: readonly string[], values: number[]): number {
  let z = 0;
  names.forEach((n, i) => (z += (weights[n] ?? 0) * values[i]));
  return z;
}

/** Candidates best first by the fitted ranker. */
export function rankCandidates(candidates: Candidate[], weights: ModelWeights = fittedWeights()): RankedSentence[] {
  return candidates
    .map((c) => ({ ...c, score: linear(weights.ranker, FEATURES, c.features) }))
    .sort((a, b) => b.score - a.score || a.passageRank - b.passageRank);
}

/**
 * Kinds of answer found exactly enough to require: a question asking to spell out an acronym is
 * answered by a sentence that spells it out, whatever else ranks above it.
 */
const REQUIRED_KINDS = new Set<AnswerKind>(["expansion"]);

/** Only the sentences holding a required kind of answer, when the question asks for one and any does. */
export function requireAnswerKind(ranked: RankedSentence[], question: string): RankedSentence[] {
  if (!questionAnswerKinds(question).some((k) => REQUIRED_KINDS.has(k))) return ranked;
  const holding = ranked.filter((s) => feature(s, "answerType") > 0);
  return holding.length ? holding : ranked;
}

const heldTerms = (s: Candidate) => feature(s, "coverage") + feature(s, "related");
/** An infobox line speaks of its page's subject: the title's words count as held. */
const factTerms = (s: Candidate) => Math.min(1, heldTerms(s) + feature(s, "sectionCoverage"));

/**
 * The best infobox line whose entry holds words of the question ("Leader" for "leads", its title
 * "Secretary General") and whose value is the kind of answer asked for, moved to the top at the top
 * score when it holds as much of the question as the top sentence: a structured fact ("Leader
 * Name: …" for "Who leads X?") states the answer more exactly than sentences sharing a word with
 * the question, yet ranks low by meaning and by passage (a key and a name, nothing else). "Where
 * is X's *military* headquarters?" keeps the sentence that says "military".
 */
export function keyedFactFirst(ranked: RankedSentence[]): RankedSentence[] {
  // Of entries holding as much of the question, an infobox lists the principal one first ("Leader Name" before "Leader Name2").
  const facts = ranked.filter((s) => s.keyedFact).sort((a, b) => factTerms(b) - factTerms(a) || a.unit - b.unit);
  const fact = facts[0];
  // Shares of one question's weights, summed in different orders: equal within rounding.
  if (!fact || fact === ranked[0] || factTerms(fact) < heldTerms(ranked[0]) - 1e-9) return ranked;
  return [{ ...fact, score: ranked[0].score }, ...ranked.filter((s) => s !== fact)];
}

/** How many of the best sentences refusal looks at for the question's words. */
const REFUSAL_DEPTH = 3;

const feature = (c: Candidate, name: (typeof FEATURES)[number]) => c.features[FEATURES.indexOf(name)];

/** The refusal classifier's inputs for a ranked list. */
export function refusalFeatures(ranked: RankedSentence[], unknownWords: number): number[] {
  const [top, second] = ranked;
  if (!top) return REFUSAL_FEATURES.map((f) => (f === "unknownWords" ? unknownWords : 0));
  return [
    top.score,
    second ? top.score - second.score : 1,
    feature(top, "dense"),
    feature(top, "coverage"),
    feature(top, "related"),
    feature(top, "missingRare"),
    unknownWords,
    feature(top, "passageCoverage"),
    Math.max(...ranked.slice(0, REFUSAL_DEPTH).map((s) => feature(s, "passageCoverage"))),
    feature(top, "focus"),
    Math.max(...ranked.slice(0, REFUSAL_DEPTH).map((s) => Math.min(1, feature(s, "coverage") + feature(s, "related") + feature(s, "previousCoverage")))),
  ];
}

/** Probability that the documents answer the question, from its best evidence. */
export function answerProbability(ranked: RankedSentence[], unknownWords: number, weights: ModelWeights = fittedWeights()): number {
  if (!ranked.length) return 0;
  const z = weights.refusal.bias + linear(weights.refusal.weights, REFUSAL_FEATURES, refusalFeatures(ranked, unknownWords));
  return 1 / (1 + Math.exp(-z));
}
