import { describe, expect, it } from "vitest";
import { splitClaims } from "./claims";

describe("splitClaims", () => {
  it("splits sentences, keeping offsets in the submitted text and markers out of the judged text", () => {
    const text = "  NATO was founded in 1949 [1]. Its headquarters are in Brussels [2] [3].\nSpain joined in 1982.";
    const claims = splitClaims(text);
    expect(claims.map((c) => c.judged)).toEqual(["NATO was founded in 1949.", "Its headquarters are in Brussels.", "Spain joined in 1982."]);
    expect(claims.map((c) => c.citations)).toEqual([[1], [2, 3], []]);
    for (const c of claims) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(claims[0].start).toBe(2);
  });

  it("does not split at abbreviations or decimals, and skips pieces with no words", () => {
    const claims = splitClaims("The U.S. spent 3.5 percent of GDP. [4]\n---\nMr. Rutte took office in 2024.");
    expect(claims.map((c) => c.judged)).toEqual(["The U.S. spent 3.5 percent of GDP.", "Mr. Rutte took office in 2024."]);
    expect(claims[0].citations).toEqual([4]);
  });
});
