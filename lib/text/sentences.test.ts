import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences";

describe("splitSentences", () => {
  const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

  it("splits at sentence ends but not at abbreviations or decimals", () => {
    expect(sentences("The U.S. joined in 1949. Spending rose 2.5 percent. Mr. Rutte spoke.")).toEqual([
      "The U.S. joined in 1949.",
      "Spending rose 2.5 percent.",
      "Mr. Rutte spoke.",
    ]);
  });

  it("joins link texts that sit on lines of their own", () => {
    expect(sentences("members to\nconsult\nand cooperate on defence.\nPOLITICAL\n- NATO acts.")).toEqual([
      "members to\nconsult\nand cooperate on defence.",
      "POLITICAL",
      "- NATO acts.",
    ]);
  });

  it("keeps a page's button label and heading apart from the sentence after them, and a link's lead-in with it", () => {
    expect(sentences("Close\nThe NAC: at the heart of NATO\nThe\nNorth Atlantic Council\n(NAC) decides.")).toEqual([
      "Close",
      "The NAC: at the heart of NATO",
      "The\nNorth Atlantic Council\n(NAC) decides.",
    ]);
  });

  it("starts a sentence at each numbered list line", () => {
    expect(sentences("Steps to take\n1. Ask a question\n2) Read the passage")).toEqual(["Steps to take", "1. Ask a question", "2) Read the passage"]);
  });

  it("cuts overlong runs such as menus at word boundaries", () => {
    const menu = Array.from({ length: 200 }, (_, i) => `Item${i}`).join(" ");
    const parts = sentences(menu);
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.join(" ")).toBe(menu);
  });

  it("cuts navigation that a flattened page runs into a sentence off as a sentence of its own", () => {
    const text = "Home About Us Our Hives Honey Shop Beekeeping Courses and Events Visit the Apiary Contact Bees pollinate a third of the crops we eat.";
    expect(sentences(text)).toEqual([
      "Home About Us Our Hives Honey Shop Beekeeping Courses and Events Visit the Apiary Contact",
      "Bees pollinate a third of the crops we eat.",
    ]);
    // Names in a row are a sentence's subject when punctuation or a line break shows prose.
    for (const prose of [
      "On 10 October, UK Prime Minister Sir Keir Starmer pledged his continued support for the plan.",
      "The\nNuclear Planning Group\nhas the same authority as the Council.",
      "The NATO Secretary General and the EU High Representative regularly report to NATO Allies and EU Member States on the progress made.",
    ]) {
      expect(sentences(prose)).toEqual([prose]);
    }
  });

  it("ends a list item where an unindented capitalised line follows, not where the item wraps", () => {
    expect(sentences("- Published\nNewly elected chair Ann Lee spoke on Monday.")).toEqual(["- Published", "Newly elected chair Ann Lee spoke on Monday."]);
    expect(sentences("- Hives are kept in the\n  shade in summer.")).toEqual(["- Hives are kept in the\n  shade in summer."]);
  });

  it("starts a sentence at each dated headline of a flattened news feed, not at a date in prose", () => {
    const feed = "Latest news 04 Mar. 2024 Hives reopen after winter 01 Mar. 2024 VIDEO: Drones leave the hive The story of a queen 22 Feb. 2024 In early February the colony swarmed.";
    expect(sentences(feed)).toEqual([
      "Latest news",
      "04 Mar. 2024 Hives reopen after winter",
      "01 Mar. 2024 VIDEO: Drones leave the hive The story of a queen",
      "22 Feb. 2024 In early February the colony swarmed.",
    ]);
    for (const prose of ["The treaty was signed on 4 April 1949 In Washington by twelve states.", "Two dates matter, 4 April 1949 Signing day and 24 August 1949 Entry into force."]) {
      expect(sentences(prose)).toEqual([prose]);
    }
  });

  // Many lines that never end a sentence ("12, 34,") make one block; reading the whole block at
  // each line made this quadratic (about 5 s for 200 KB, minutes for 1 MB).
  it("stays linear on a long file of lines that run on", () => {
    const text = "12, 34, 56,\n".repeat(25_000); // 300 KB
    const started = performance.now();
    const parts = splitSentences(text);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(parts.every((p) => p.end - p.start <= 360)).toBe(true);
    expect(text.slice(parts[0].start, parts[0].end)).toMatch(/^12, 34, 56,\n12, 34/);
  });

  it("stays linear on a long text without spaces", () => {
    const text = "x " + "y".repeat(2_000_000);
    const started = performance.now();
    const parts = splitSentences(text);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(parts).toHaveLength(1 + Math.ceil(2_000_000 / 360));
    expect(parts.slice(1).every((p) => p.end - p.start === 360 || p.end === text.length)).toBe(true);
  });
});
