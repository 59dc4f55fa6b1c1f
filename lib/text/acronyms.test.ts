import { describe, expect, it } from "vitest";
import { acronymCandidates, spellsOut } from "./acronyms";

describe("spellsOut", () => {
  it("finds capitalised words whose initials spell the acronym, skipping short joining words", () => {
    expect(spellsOut("The North Atlantic Treaty Organization (NATO) is an alliance.", "NATO")).toBe(true);
    expect(spellsOut("It is the Organization for Security and Co-operation in Europe.", "OSCE")).toBe(true);
    expect(spellsOut("Nato - the North Atlantic Treaty Organization - was formed in 1949.", "NATO")).toBe(true);
  });

  it("does not take the acronym itself, lower-case words or initials out of order", () => {
    expect(spellsOut("NATO stands with Ukraine.", "NATO")).toBe(false);
    expect(spellsOut("north atlantic treaty organization", "NATO")).toBe(false);
    expect(spellsOut("Treaty of the North Atlantic Organization", "NATO")).toBe(false);
  });
});

describe("acronymCandidates", () => {
  it("reads the question's words in capitals, whatever case they were typed in", () => {
    expect(acronymCandidates("what does nato stand for")).toContain("NATO");
  });
});
