import { describe, expect, it } from "vitest";
import { splitSections } from "./sections";

describe("splitSections", () => {
  it("nests wiki headings and leaves the level-1 title out", () => {
    const text = "= NATO =\nIntro.\n==History==\nOld.\n===21st century===\nNew.\n==Structure==\nParts.";
    expect(splitSections(text).map((s) => [s.path, text.slice(s.start, s.end).trim()])).toEqual([
      [[], "Intro."],
      [["History"], "Old."],
      [["History", "21st century"], "New."],
      [["Structure"], "Parts."],
    ]);
  });
});
