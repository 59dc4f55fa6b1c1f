import { describe, expect, it } from "vitest";
import { matchesExpectations, supportSpans } from "./match";

describe("supportSpans", () => {
  it("finds a support string across line breaks and spacing, as exact document offsets", () => {
    const text = "Intro.\nNATO was   established\non 4 April 1949 , by treaty.";
    const [span] = supportSpans([{ docId: "d", text }], ["established on 4 April 1949, by"]);
    expect(text.slice(span.start, span.end)).toBe("established\non 4 April 1949 , by");
  });

  it("finds every occurrence in every document, and nothing for an absent string", () => {
    const docs = [
      { docId: "a", text: "Spain (1982). Later, Spain (1982) again." },
      { docId: "b", text: "Nothing here." },
    ];
    expect(supportSpans(docs, ["Spain (1982)"]).map((s) => [s.docId, s.start])).toEqual([
      ["a", 0],
      ["a", 21],
    ]);
    expect(supportSpans(docs, ["Portugal"])).toEqual([]);
  });
});

describe("matchesExpectations", () => {
  it("matches every pattern on the answer without its markers", () => {
    expect(matchesExpectations("Spain joined in 1982 [1].", ["1982\\.", "spain"]).ok).toBe(true);
    expect(matchesExpectations("Spain joined in 1982 [1].", ["1983"]).missing).toEqual(["1983"]);
  });
});
