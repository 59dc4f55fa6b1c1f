import { describe, expect, it } from "vitest";
import { hasWordNet, lemmas, relatedWords } from "./related-words";

describe("lemmas", () => {
  it("undoes irregular and regular inflections", () => {
    expect(lemmas("led")).toContain("lead");
    expect(lemmas("countries")).toEqual(["country"]);
    expect(lemmas("joined")).toContain("join");
    expect(lemmas("men")).toContain("man");
  });

  it("undoubles a final consonant only when the plain stem is not a word", () => {
    expect(lemmas("planned")).toContain("plan");
    expect(lemmas("added")).toEqual(["add"]);
  });

  it("knows no lemma for a non-word", () => {
    expect(lemmas("xqzzy")).toEqual([]);
    expect(lemmas("two words")).toEqual([]);
  });
});

describe("relatedWords", () => {
  it("finds WordNet is installed", () => {
    expect(hasWordNet()).toBe(true);
  });

  it("relates founding to establishing and to founders", () => {
    expect(relatedWords("founded")).toEqual(expect.arrayContaining(["establish", "founder", "foundation"]));
    expect(relatedWords("established")).toEqual(expect.arrayContaining(["found", "establishment"]));
  });

  it("relates leading to leaders, both ways", () => {
    expect(relatedWords("leads")).toContain("leader");
    expect(relatedWords("led")).toContain("leader");
    expect(relatedWords("leaders")).toContain("lead");
  });

  it("relates headquarters to HQ, chairs to chairmen, and verbs to their nouns", () => {
    expect(relatedWords("headquarters")).toContain("hq");
    expect(relatedWords("chairman")).toEqual(expect.arrayContaining(["chair", "president"]));
    expect(relatedWords("joined")).toContain("joining");
    expect(relatedWords("elected")).toContain("election");
  });

  it("leaves out rare senses and the word's own lemmas", () => {
    expect(relatedWords("join")).not.toContain("articulation"); // "join" the noun, a joint
    expect(relatedWords("founded")).not.toContain("found");
    expect(relatedWords("founded")).not.toContain("base"); // third verb sense of "found"
  });

  it("gives distinct single lower-case words", () => {
    for (const word of ["countries", "US", "Treaty", "start"]) {
      const related = relatedWords(word);
      expect(new Set(related).size).toBe(related.length);
      for (const r of related) expect(r).toMatch(/^[a-z0-9][a-z0-9.'-]*$/);
    }
  });

  it("gives nothing for unknown words", () => {
    expect(relatedWords("xqzzy")).toEqual([]);
    expect(relatedWords("")).toEqual([]);
  });
});
