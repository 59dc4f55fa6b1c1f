import { describe, expect, it } from "vitest";
import { splitAnswer } from "./segment";

const texts = (answer: string, mode?: "sentences" | "claims") => splitAnswer(answer, mode).map((s) => [s.text, s.citations]);

describe("splitAnswer", () => {
  it("keeps markers with their sentence on either side of the full stop", () => {
    expect(texts("Spain joined in 1982 [1]. Greece joined in 1952. [2] [3] Uncited one. Last [1]")).toEqual([
      ["Spain joined in 1982 [1].", [1]],
      ["Greece joined in 1952. [2] [3]", [2, 3]],
      ["Uncited one.", []],
      ["Last [1]", [1]],
    ]);
  });

  it("does not split at abbreviations, and splits at lines and at markers without a stop", () => {
    expect(texts("The U.S. and Dr. Smith agreed [1] Then more [2]\n- a bullet [1]")).toEqual([
      ["The U.S. and Dr. Smith agreed [1]", [1]],
      ["Then more [2]", [2]],
      ["- a bullet [1]", [1]],
    ]);
  });

  it("attaches a lone marker line to the sentence before", () => {
    expect(texts("One fact.\n[2]")).toEqual([["One fact.\n[2]", [2]]]);
  });

  it("in claims mode splits only after markers", () => {
    expect(texts("Short heading. Then the sentence [1] An older source differs: x. y [2]", "claims")).toEqual([
      ["Short heading. Then the sentence [1]", [1]],
      ["An older source differs: x. y [2]", [2]],
    ]);
  });

  it("gives offsets into the answer", () => {
    const answer = "  A b [1].  C d [2]. ";
    for (const s of splitAnswer(answer)) expect(answer.slice(s.start, s.end)).toBe(s.text);
  });
});
