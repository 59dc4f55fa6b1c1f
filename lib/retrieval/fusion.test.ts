import { describe, expect, it } from "vitest";
import { fuseScores, reciprocalRankFusion } from "./fusion";

describe("fuseScores", () => {
  it("ranks a chunk strong on both sides above one strong on a single side", () => {
    const dense = new Map([[1, 0.8], [2, 0.4], [3, 0.78]]);
    const lexical = new Map([[1, 2], [2, 10], [3, 9]]);
    expect(fuseScores(dense, lexical, { dense: 0.5, lexical: 0.5 }).map((r) => r.chunk)).toEqual([3, 2, 1]);
  });

  it("lets the weights decide between the sides", () => {
    const dense = new Map([[1, 0.9], [2, 0.3]]);
    const lexical = new Map([[1, 1], [2, 10]]);
    expect(fuseScores(dense, lexical, { dense: 1, lexical: 0 })[0].chunk).toBe(1);
    expect(fuseScores(dense, lexical, { dense: 0, lexical: 1 })[0].chunk).toBe(2);
  });

  it("keeps chunks that only one side found", () => {
    const fused = fuseScores(new Map([[1, 0.5]]), new Map([[2, 3]]));
    expect(fused.map((r) => r.chunk).sort()).toEqual([1, 2]);
  });
});

describe("reciprocalRankFusion", () => {
  it("rewards agreement between rankings", () => {
    expect(reciprocalRankFusion([[1, 2, 3], [3, 2, 1], [2]])[0].chunk).toBe(2);
  });
});
