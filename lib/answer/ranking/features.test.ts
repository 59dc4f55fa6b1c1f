import { describe, expect, it } from "vitest";
import { questionProfile } from "./features";
import type { SentenceStats } from "./sentence-stats";

const stats = { idf: () => 2 } as unknown as SentenceStats;
const vector = new Float32Array(4);

describe("questionProfile", () => {
  it("weighs the words a follow-up asks this turn above those its query took from the question before", () => {
    const q = questionProfile(stats, "What has it been criticised for? What was Operation Allied Force?", vector, "What has it been criticised for?");
    expect(q.weights.get("criticiz")).toBe(2);
    expect(q.weights.get("operation")).toBe(1);
  });

  it("weighs every word alike in a question that stands alone", () => {
    const q = questionProfile(stats, "What was Operation Allied Force?", vector);
    expect(new Set(q.weights.values())).toEqual(new Set([2]));
  });
});
