import { describe, expect, it } from "vitest";
import { formatCounts } from "./format-counts";

describe("formatCounts", () => {
  it("says each verdict's count in the legend's order", () => {
    expect(formatCounts({ supported: 9, contradicted: 2, not_found: 3 })).toBe("9 supported · 2 contradicted · 3 not found");
  });

  it("keeps verdicts with no claims", () => {
    expect(formatCounts({ supported: 0, contradicted: 0, not_found: 1 })).toBe("0 supported · 0 contradicted · 1 not found");
  });
});
