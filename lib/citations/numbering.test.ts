import { describe, expect, it } from "vitest";
import type { Passage } from "@/lib/types";
import { numberClaims } from "./numbering";

const passage = (chunkId: string, start: number): Passage => ({
  chunkId, docId: "d", title: "T", source: null, publishedAt: null, text: "x".repeat(100), start, end: start + 100, score: 1,
});

describe("numberClaims", () => {
  it("numbers citations 1..m in order of first use and reuses numbers", () => {
    const a = passage("a", 0);
    const b = passage("b", 200);
    const { answer, citations } = numberClaims([
      { text: "First.", sources: [{ passage: b, quote: { start: 210, end: 220 } }] },
      { text: "Second.", sources: [{ passage: a }] },
      { text: "Third.", sources: [{ passage: b, quote: { start: 250, end: 260 } }] },
    ]);
    expect(answer).toBe("First. [1] Second. [2] Third. [1]");
    expect(citations.map((c) => [c.n, c.chunkId])).toEqual([[1, "b"], [2, "a"]]);
    expect(citations[0].quote).toEqual({ start: 210, end: 260 });
  });
});
