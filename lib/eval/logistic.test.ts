import { describe, expect, it } from "vitest";
import { fitLogistic, fitRanker, sigmoid, type Example } from "./logistic";

const score = (w: number[], x: number[]) => x.reduce((a, v, j) => a + v * w[j], 0);

describe("fitRanker", () => {
  it("learns to put each group's answer first, whatever the other features do", () => {
    // Feature 0 marks the answer; feature 1 is noise that is high on a distractor.
    const groups: Example[][] = Array.from({ length: 20 }, (_, g) => [
      { x: [1, (g % 3) / 3], y: 1 },
      { x: [0, 1], y: 0 },
      { x: [0.2, (g % 5) / 5], y: 0 },
    ]);
    const w = fitRanker(groups);
    for (const group of groups) {
      const best = group.reduce((a, e) => (score(w, e.x) > score(w, a.x) ? e : a));
      expect(best.y).toBe(1);
    }
    expect(w[0]).toBeGreaterThan(Math.abs(w[1]));
  });

  it("ignores groups without an answer", () => {
    expect(fitRanker([[{ x: [1], y: 0 }]])).toEqual([]);
  });
});

describe("fitLogistic", () => {
  it("separates two classes on features of very different scales, with weights for the raw features", () => {
    const examples: Example[] = [];
    for (let i = 0; i < 40; i++) {
      const positive = i % 2 === 0;
      examples.push({ x: [positive ? 0.7 + (i % 7) / 30 : 0.2 + (i % 7) / 30, 1000 + (i % 11)], y: positive ? 1 : 0 });
    }
    const { weights, bias } = fitLogistic(examples);
    for (const e of examples) expect(sigmoid(score(weights, e.x) + bias) > 0.5).toBe(e.y === 1);
  });
});
