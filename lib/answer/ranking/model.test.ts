import { describe, expect, it } from "vitest";
import { FEATURES } from "./features";
import { keyedFactFirst, requireAnswerKind, type RankedSentence } from "./model";

const sentence = (unit: number, score: number, answerType: number): RankedSentence => ({
  unit,
  passageRank: 0,
  score,
  features: FEATURES.map((f) => (f === "answerType" ? answerType : 0)),
});

describe("requireAnswerKind", () => {
  const ranked = [sentence(1, 9, -1), sentence(2, 7, 1), sentence(3, 5, -1)];

  it("keeps only the sentences that spell out the acronym a question asks about", () => {
    expect(requireAnswerKind(ranked, "What does NATO stand for?").map((s) => s.unit)).toEqual([2]);
  });

  it("keeps the ranking when no sentence spells it out, or the question asks for another kind", () => {
    const none = ranked.map((s) => ({ ...s, features: s.features.map(() => -1) }));
    expect(requireAnswerKind(none, "What does NATO stand for?")).toHaveLength(3);
    expect(requireAnswerKind(ranked, "When was NATO founded?")).toHaveLength(3);
  });
});

describe("keyedFactFirst", () => {
  const held = (unit: number, score: number, coverage: number, keyedFact = false): RankedSentence => ({
    unit,
    passageRank: 0,
    score,
    features: FEATURES.map((f) => (f === "coverage" ? coverage : 0)),
    ...(keyedFact ? { keyedFact } : {}),
  });

  it("puts an infobox line answering the question first, at the top score", () => {
    const ranked = keyedFactFirst([held(1, 9, 0.8), held(2, 7, 0.5), held(3, 5, 0.8, true)]);
    expect(ranked.map((s) => s.unit)).toEqual([3, 1, 2]);
    expect(ranked[0].score).toBe(9);
  });

  it("leaves the ranking alone when the top sentence holds more of the question", () => {
    const ranked = [held(1, 9, 1), held(2, 5, 0.6, true)];
    expect(keyedFactFirst(ranked)).toEqual(ranked);
  });
});
