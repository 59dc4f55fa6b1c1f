import { describe, expect, it } from "vitest";
import { NOT_COVERED } from "./refusal";
import { normalize } from "@/lib/embeddings/vector";
import { terms } from "@/lib/text/normalize";
import { splitSentences } from "@/lib/text/sentences";
import type { VerifyContext } from "./judge";
import { verifyAnswer, type VerifiableCitation } from "./verify";

/**
 * A toy context: bag-of-words vectors instead of the sentence encoder, uniform term weights.
 * Enough to check the mechanics; test/verify.test.ts checks the judgement with the real index.
 */
function bagOfWords(text: string): Float32Array {
  const v = new Float32Array(256);
  for (const t of terms(text)) v[[...t].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 256, 7)] += 1;
  return normalize(v);
}

const DOCS: Record<string, string> = {
  members:
    "Spain became a member of the alliance in 1982. Greece and Turkey joined the alliance in 1952.\n\n" +
    "The headquarters of the alliance is in Brussels, Belgium. It moved there from Paris in 1967.",
  spending: "Members agreed to spend two percent of their GDP on defence. Few members met the target in 2014.",
};

const context: VerifyContext = {
  documentSlice: (docId, start, end) => DOCS[docId]?.slice(start, end) ?? "",
  documentLabel: () => "",
  sentencesIn: (docId, start, end) =>
    splitSentences(DOCS[docId])
      .filter((s) => s.start >= start && s.end <= end)
      .map((s) => ({ ...s, vector: bagOfWords(DOCS[docId].slice(s.start, s.end)) })),
  termWeights: (text) => new Map(terms(text).map((t) => [t, 1])),
  isName: (word) => /^(Spain|Greece|Turkey|Brussels|Belgium|Paris)$/.test(word),
  embed: async (texts) => texts.map(bagOfWords),
};

function citation(n: number, docId: string, start = 0, end = DOCS[docId].length): VerifiableCitation & { chunkId: string } {
  return { n, docId, start, end, text: DOCS[docId].slice(start, end), chunkId: `${docId}-${start}` };
}

const brussels = DOCS.members.indexOf("The headquarters");
const members = citation(1, "members", 0, brussels - 2);
const hq = citation(2, "members", brussels);
const spending = citation(3, "spending");

describe("verifyAnswer", () => {
  it("marks supported, unsupported and uncited sentences and quotes the supporting sentence", async () => {
    const answer = "Spain became a member of the alliance in 1982 [1]. The alliance prints its own money [2]. This matters a lot.";
    const result = await verifyAnswer(answer, [members, hq], context);
    expect(result.sentences.map((s) => [s.text, s.citations, s.supported])).toEqual([
      ["Spain became a member of the alliance in 1982 [1].", [1], true],
      ["The alliance prints its own money [2].", [2], false],
      ["This matters a lot.", [], false],
    ]);
    const spain = result.citations[0];
    expect(DOCS.members.slice(spain.quote!.start, spain.quote!.end)).toBe("Spain became a member of the alliance in 1982.");
    expect(result.citations[1].quote).toBeUndefined(); // it supports nothing
    expect(result.sentences[2].score).toBeUndefined();
  });

  it("drops markers without a citation and renumbers 1..m by first use", async () => {
    const answer = "The headquarters of the alliance is in Brussels [2] [7]. Spain became a member in 1982 [1] [9].";
    const result = await verifyAnswer(answer, [members, hq, spending], context);
    expect(result.answer).toBe("The headquarters of the alliance is in Brussels [1]. Spain became a member in 1982 [2].");
    expect(result.citations.map((c) => [c.n, c.chunkId])).toEqual([[1, hq.chunkId], [2, members.chunkId]]);
    expect(result.dropped.sort()).toEqual([7, 9]);
    expect(result.sentences.map((s) => s.supported)).toEqual([true, true]);
  });

  it("counts a sentence whose number its passages do not hold as unsupported", async () => {
    const result = await verifyAnswer("Spain became a member of the alliance in 1985 [1].", [members], context);
    expect(result.sentences[0].supported).toBe(false);
  });

  it("lets two passages support one sentence together", async () => {
    const answer = "Spain became a member in 1982, and the headquarters moved to Brussels from Paris in 1967 [1] [2].";
    const result = await verifyAnswer(answer, [members, hq], context);
    expect(result.sentences[0].supported).toBe(true);
    for (const c of result.citations) {
      expect(c.quote!.start).toBeGreaterThanOrEqual(c.start);
      expect(c.quote!.end).toBeLessThanOrEqual(c.end);
    }
  });

  it("has nothing to check in a refusal", async () => {
    const result = await verifyAnswer(NOT_COVERED, [], context);
    expect(result).toMatchObject({ answer: NOT_COVERED, citations: [], sentences: [] });
  });

  it("gives sentence offsets into the renumbered answer", async () => {
    const result = await verifyAnswer("A claim here [5]. Spain became a member in 1982 [1].", [members], context);
    for (const s of result.sentences) expect(result.answer.slice(s.start, s.end)).toBe(s.text);
  });
});
