import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chunkDocument, DEFAULT_CHUNK_SETTINGS } from "./chunk";

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

  it("never runs a chunk across a page start, so each passage of a PDF is on one page", async () => {
    const text = "First page. It is short.\n\nSecond page starts here. It is short too.";
    const pageTwo = text.indexOf("Second");
    const chunks = await chunkDocument("pdf", text, DEFAULT_CHUNK_SETTINGS, [0, pageTwo]);
    expect(chunks.map((c) => c.text)).toEqual(["First page. It is short.", "Second page starts here. It is short too."]);
    expect(chunks[1].start).toBe(pageTwo);
  });

  it("gives chunk ids that are stable across runs", async () => {
    const doc = documents[0];
    const a = await chunkDocument(doc.file, doc.text);
    const b = await chunkDocument(doc.file, doc.text);
    expect(a.map((c) => c.chunkId)).toEqual(b.map((c) => c.chunkId));
  });
});
