import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { documentBlocks, type DocumentBlock, type Piece } from "./document-blocks";

/** Every piece a block holds, itself included: each must be exactly its slice of the text. */
function pieces(block: DocumentBlock): Piece[] {
  switch (block.kind) {
    case "heading":
      return [block, block.title];
    case "list":
      return [block, ...block.items];
    case "table":
      return [block, ...block.rows.flatMap((r) => [r, r.key, r.value])];
    default:
      return [block];
  }
}

function expectExactOffsets(text: string) {
  const blocks = documentBlocks(text);
  for (const block of blocks) for (const p of pieces(block)) expect(p.text).toBe(text.slice(p.start, p.end));
  // In order, never overlapping.
  blocks.slice(1).forEach((b, i) => expect(b.start).toBeGreaterThanOrEqual(blocks[i].end));
  return blocks;
}

const summary = (blocks: DocumentBlock[]) =>
  blocks.map((b) => {
    if (b.kind === "heading") return [b.kind, b.level, b.title.text];
    if (b.kind === "list") return [b.kind, b.ordered, b.first, b.items.map((i) => i.text)];
    if (b.kind === "table") return [b.kind, b.rows.map((r) => [r.key.text, r.value.text])];
    return [b.kind, b.text];
  });

describe("documentBlocks", () => {
  it("reads wiki and Markdown headings with their levels and titles", () => {
    const text = "= NATO =\nIntro.\n\n==History==\nOld.\n=== 21st century ===\nNew.\n## Structure\nParts.\n";
    expect(summary(expectExactOffsets(text))).toEqual([
      ["heading", 1, "NATO"],
      ["paragraph", "Intro."],
      ["heading", 2, "History"],
      ["paragraph", "Old."],
      ["heading", 3, "21st century"],
      ["paragraph", "New."],
      ["heading", 2, "Structure"],
      ["paragraph", "Parts."],
    ]);
  });

  it("joins hard-wrapped lines into one paragraph and keeps one line per sentence-ending line", () => {
    const text = "NATO promotes democratic values and enables members to\nconsult\nand cooperate on defence.\nIt was founded in 1949.\n\nA new paragraph.";
    const blocks = expectExactOffsets(text);
    expect(summary(blocks)).toEqual([
      ["paragraph", "NATO promotes democratic values and enables members to\nconsult\nand cooperate on defence."],
      ["paragraph", "It was founded in 1949."],
      ["paragraph", "A new paragraph."],
    ]);
  });

  it("reads - , * and 1. lines as lists, with wrapped items joined", () => {
    const text = "Tasks:\n- deterrence and\ndefence\n- crisis prevention.\n* cooperative security.\n\n1. First step.\n2. Second step.\n";
    expect(summary(expectExactOffsets(text))).toEqual([
      ["paragraph", "Tasks:"],
      ["list", false, 1, ["deterrence and\ndefence", "crisis prevention.", "cooperative security."]],
      ["list", true, 1, ["First step.", "Second step."]],
    ]);
  });

  it("reads a run of Key: Value lines (an infobox) as a table, and a lone one as text", () => {
    const text =
      "North Atlantic Treaty Organization\n- Type: Military alliance\n- Headquarters: Brussels, Belgium\n- Expenses: Total: , Excluding the US:\n\nNote: one line alone stays text.\n\nHe said: \"no\".";
    expect(summary(expectExactOffsets(text))).toEqual([
      ["paragraph", "North Atlantic Treaty Organization"],
      ["table", [["Type", "Military alliance"], ["Headquarters", "Brussels, Belgium"], ["Expenses", "Total: , Excluding the US:"]]],
      ["paragraph", "Note: one line alone stays text."],
      ["paragraph", 'He said: "no".'],
    ]);
  });

  it("covers every non-blank character of the shipped documents outside markup", () => {
    for (const file of fs.readdirSync("corpus").filter((f) => f.endsWith(".txt"))) {
      const text = fs.readFileSync(`corpus/${file}`, "utf8");
      const blocks = expectExactOffsets(text);
      let covered = "";
      for (const b of blocks) covered += b.text;
      expect(covered.replace(/\s+/g, ""), file).toBe(text.replace(/\s+/g, ""));
    }
  });
});
