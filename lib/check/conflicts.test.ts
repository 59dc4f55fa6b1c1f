import { describe, expect, it } from "vitest";
import { conflictsBetween } from "./conflicts";

const isName = (word: string) => /^(NATO|Spain|Portugal|Brussels|Paris|Belgium|France)$/.test(word);
const differences = (claim: string, evidence: string) =>
  Object.entries(conflictsBetween(claim, evidence, isName))
    .filter(([, v]) => v)
    .map(([k]) => k);

describe("conflictsBetween", () => {
  it("finds a replaced year", () => {
    expect(differences("NATO was founded in 1959.", "NATO was established on 4 April 1949.")).toEqual(["date"]);
  });

  it("finds a changed count, in digits or words", () => {
    expect(differences("NATO has 35 members.", "NATO has 32 members.")).toEqual(["number"]);
    expect(differences("NATO was formed by fifteen countries.", "NATO was formed by 12 countries.")).toEqual(["number"]);
  });

  it("finds a name swapped for another", () => {
    expect(differences("NATO's headquarters are in Paris.", "NATO's headquarters are in Brussels, Belgium.")).toEqual(["name"]);
  });

  it("finds a negation one side has", () => {
    expect(differences("NATO has an army of its own.", "NATO does not have an army of its own.")).toEqual(["polarity"]);
    expect(differences("Article 5 has never been invoked.", "Article 5 has been invoked once.")).toContain("polarity");
  });

  it("finds none when the sentence says the same, or only says more", () => {
    expect(differences("Spain joined NATO in 1982.", "In 1982, the newly democratic Spain joined NATO.")).toEqual([]);
    expect(differences("NATO has 32 members.", "NATO has 32 members, 30 in Europe, since 2024.")).toEqual([]);
  });
});
