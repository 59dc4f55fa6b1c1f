import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { splitSentences } from "@/lib/text/sentences";
import { chunkDocument, DEFAULT_CHUNK_SETTINGS } from "./chunk";
import { splitSections } from "./sections";

const corpus = path.resolve("corpus");
const documents = fs
  .readdirSync(corpus)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => ({ file: f, text: fs.readFileSync(path.join(corpus, f), "utf8") }));

describe("chunkDocument", () => {
  it.each(documents)("keeps exact offsets for every chunk of $file", async ({ file, text }) => {
    const chunks = await chunkDocument(file, text);
    expect(chunks.length).toBeGreaterThan(0);
    for (const c of chunks) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      expect(c.text.length).toBeLessThanOrEqual(DEFAULT_CHUNK_SETTINGS.chunkSize);
    }
  });

  it("gives the one-line homepage passages of a sensible size", async () => {
    const home = documents.find((d) => d.file.includes("homepage"))!;
    const chunks = await chunkDocument("home", home.text);
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) expect(c.text.length).toBeGreaterThan(100);
  });

  it("keeps the wiki section path with each chunk", async () => {
    const wiki = documents.find((d) => d.file.includes("wikipedia"))!;
    const chunks = await chunkDocument("wiki", wiki.text);
    const spain = chunks.find((c) => c.text.includes("Spain joined the alliance"))!;
    expect(spain.section).toEqual(["History", "20th century"]);
    expect(chunks.some((c) => c.text.includes("==") && /==\w/.test(c.text))).toBe(false);
  });

  it("gives chunk ids that are stable across runs", async () => {
    const doc = documents[0];
    const a = await chunkDocument(doc.file, doc.text);
    const b = await chunkDocument(doc.file, doc.text);
    expect(a.map((c) => c.chunkId)).toEqual(b.map((c) => c.chunkId));
  });
});

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
