import { describe, expect, it } from "vitest";
import type { CheckedClaim } from "@/lib/types";
import { claimSegments } from "./claim-segments";

type Claim = CheckedClaim;
const claim = (start: number, end: number, text: string): Claim => ({
  start,
  end,
  text: text.slice(start, end),
  verdict: "supported",
  confidence: 0.9,
  evidence: [],
});

const text = "NATO was founded in 1949. Its headquarters are in Brussels. Spain joined in 1999.";

describe("claimSegments", () => {
  it("cuts the text into plain runs and claims that join back into the text", () => {
    const claims = [claim(0, 25, text), claim(26, 59, text)];
    const segments = claimSegments(text, claims);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.map((s) => s.claim)).toEqual([0, undefined, 1, undefined]);
    expect(segments[2]).toEqual({ text: "Its headquarters are in Brussels.", start: 26, claim: 1 });
  });

  it("orders claims by position, whatever the response's order", () => {
    const claims = [claim(60, 81, text), claim(0, 25, text)];
    expect(claimSegments(text, claims).map((s) => s.claim)).toEqual([1, undefined, 0]);
  });

  it("leaves overlapping, empty and out-of-range claims as plain text", () => {
    const claims = [claim(0, 25, text), claim(10, 30, text), claim(40, 40, text), { ...claim(0, 1, text), start: 500, end: 600 }];
    const segments = claimSegments(text, claims);
    expect(segments.filter((s) => s.claim !== undefined).map((s) => s.claim)).toEqual([0]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });
});
