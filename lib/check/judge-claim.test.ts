import { describe, expect, it } from "vitest";
import type { CitedSpan, VerifyContext } from "@/lib/citations/judge";
import { normalize } from "@/lib/embeddings/vector";
import { terms } from "@/lib/text/normalize";
import { splitSentences } from "@/lib/text/sentences";
import { judgeClaim } from "./judge-claim";
import { decide, type CheckWeights } from "./verdict";

/** A toy context (bag-of-words vectors, uniform term weights): the mechanics; eval/claims.jsonl measures the judgement. */
function bagOfWords(text: string): Float32Array {
  const v = new Float32Array(256);
  for (const t of terms(text)) v[[...t].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 256, 7)] += 1;
  return normalize(v);
}

const DOC = "Spain became a member of the alliance in 1982. The headquarters of the alliance is in Brussels, Belgium. The alliance does not have an army of its own.";

const context: VerifyContext = {
  documentSlice: (_docId, start, end) => DOC.slice(start, end),
  documentLabel: () => "",
  sentencesIn: (_docId, start, end) =>
    splitSentences(DOC)
      .filter((s) => s.start >= start && s.end <= end)
      .map((s) => ({ ...s, vector: bagOfWords(DOC.slice(s.start, s.end)) })),
  termWeights: (text) => new Map(terms(text).map((t) => [t, 1])),
  isName: (word) => /^(Spain|Portugal|Brussels|Belgium|Paris)$/.test(word),
  embed: async (texts) => texts.map(bagOfWords),
};

const passages: CitedSpan[] = splitSentences(DOC).map((s, i) => ({ n: i + 1, docId: "doc", start: s.start, end: s.end, text: DOC.slice(s.start, s.end) }));
const weights: CheckWeights = { version: 1, fittedOn: "test", supported: 0.6, contradicted: 0.5, vetoes: ["number", "polarity"] };

function verdictOf(claim: string) {
  const judged = judgeClaim(context, claim, bagOfWords(claim), passages);
  return { ...decide(judged.signals, weights), quote: judged.quote };
}

describe("judgeClaim and decide", () => {
  it("supports a claim its passage states, quoting that sentence", () => {
    const v = verdictOf("Spain became a member of the alliance in 1982.");
    expect(v).toMatchObject({ verdict: "supported", quote: "Spain became a member of the alliance in 1982." });
    expect(v.confidence).toBeGreaterThan(0.5);
    expect(v.confidence).toBeLessThanOrEqual(1);
  });

  it.each([
    ["a date", "Spain became a member of the alliance in 1999.", /1982/],
    ["a name", "Portugal became a member of the alliance in 1982.", /Spain/],
    ["a name", "The headquarters of the alliance is in Paris.", /Brussels/],
    ["the polarity", "The alliance has an army of its own.", /does not have/],
  ])("contradicts a claim that changes %s, quoting the sentence it changes", (_kind, claim, quote) => {
    const v = verdictOf(claim);
    expect(v.verdict).toBe("contradicted");
    expect(v.quote).toMatch(quote);
  });

  it("finds nothing for a claim the passages do not address", () => {
    expect(verdictOf("Bananas grow mainly in Ecuador.")).toMatchObject({ verdict: "not_found" });
    expect(judgeClaim(context, "Anything.", bagOfWords("Anything."), [])).toMatchObject({ best: null, signals: { score: 0 } });
  });
});
