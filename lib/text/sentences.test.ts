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

  it("cuts overlong runs such as menus at word boundaries", () => {
    const menu = Array.from({ length: 200 }, (_, i) => `Item${i}`).join(" ");
    const parts = sentences(menu);
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.join(" ")).toBe(menu);
  });
});
