import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCitation } from "@/lib/citations/format";
import { MAX_DOCUMENT_BYTES } from "@/lib/corpus/read";
import { ask } from "@/lib/engine/ask";
import { readIndexData } from "@/lib/index/disk";
import { readDocument } from "@/lib/index/view";
import type { AskResponse } from "@/lib/types";
import { collectionOf, type Collection } from "./collection";
import { docx, encryptedPdf, scannedPdf, textPdf } from "./fixtures/write-documents";

/** A collection with one document of every format, each written by a real writer. */
const LIGHTHOUSES = `<!doctype html>
<html><head><title>Lighthouse Notes</title><script>document.write("<b>Buy tickets</b> for the lighthouse tour");</script></head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/shop">Lighthouse gift shop</a></li></ul></nav>
  <main><article>
    <h1>Lighthouses of the Irish Coast</h1>
    <p>The Fastnet lighthouse stands on a rock off the south-west coast of Ireland. It was first lit in 1854, and the present granite tower was finished in 1904.</p>
    <h2>Keepers</h2>
    <p>Keepers lived on the rock for four weeks at a time. The light was automated in 1989.</p>
  </article></main>
  <footer>Copyright 2024 Coast Pages</footer>
</body></html>`;

const FERRY_PAGE = `<!DOCTYPE html>
<html><head><title>Island Ferries</title></head><body><nav>Timetables | Fares</nav>
<main><p>The first ferry to the island leaves the north pier at <strong>seven</strong> in the morning. The crossing takes forty minutes.</p></main></body></html>`;

const MUSEUM = `# Harbour Museum

The harbour museum opens at ten on Sundays. Its collection holds ship models and old charts.
`;

let collection: Collection;
let responses: Record<string, AskResponse>;

const question = async (q: string) => ask({ question: q }, await collection.engine(), { llm: null });

beforeAll(async () => {
  collection = await collectionOf({
    "glacier-survey.pdf": await textPdf(
      [
        "Glacier Survey 2023\n\nThis survey measured the glaciers of the Bernese Alps over one summer.",
        "The Aletsch Glacier is about 23 kilometres long, the longest glacier of the Alps. Its ice is up to 900 metres thick at Konkordiaplatz.",
        "Survey teams crossed the ice on foot and by helicopter.",
      ],
      "Glacier Survey 2023",
    ),
    "lighthouses.html": LIGHTHOUSES,
    "orchard.docx": await docx([
      { heading: "Orchard Handbook" },
      { paragraph: "The orchard grows apples and pears on the south slope." },
      { heading: "Pruning", level: 2 },
      { paragraph: "The apple trees are pruned in February, before the buds open." },
      { bullets: ["Remove dead wood first.", "Cut crossing branches."] },
    ]),
    "ferries.txt": FERRY_PAGE,
    "museum.md": MUSEUM,
  });
  await collection.ingest();
  responses = {
    pdf: await question("How long is the Aletsch Glacier?"),
    html: await question("When was the Fastnet lighthouse first lit?"),
    docx: await question("When are the apple trees pruned?"),
    sniffed: await question("When does the first ferry leave?"),
    md: await question("When does the museum open on Sundays?"),
  };
});
afterAll(() => collection.remove());

/** The first citation of a response, checked to be exactly the text it points at in its document. */
async function firstCitation(response: AskResponse, docId: string) {
  const citation = response.citations.find((c) => c.docId === docId);
  expect(citation, `a citation of ${docId} in ${JSON.stringify(response.answer)}`).toBeDefined();
  const document = (await readDocument((await collection.engine()).store.view(), docId))!;
  expect(citation!.text).toBe(document.text.slice(citation!.start, citation!.end));
  if (citation!.quote) expect(document.text.slice(citation!.quote.start, citation!.quote.end)).toMatch(/\S/);
  return { citation: citation!, document };
}

describe("documents in every format", () => {
  it("answers from a PDF, citing the page the passage is on", async () => {
    expect(responses.pdf.answer).toMatch(/23 kilometres/);
    const { citation, document } = await firstCitation(responses.pdf, "glacier-survey");
    expect(document).toMatchObject({ title: "Glacier Survey 2023", format: "pdf" });
    expect(citation.page).toBe(2);
    expect(formatCitation(citation)).toMatch(/^\[\d+\] Glacier Survey 2023 \(p\. 2\)\n/);
    expect(document.text.slice(document.pages![1], document.pages![2])).toMatch(/^The Aletsch Glacier is about 23 kilometres long/);
  });

  it("answers from a web page's main content, without its navigation, scripts or footer", async () => {
    expect(responses.html.answer).toMatch(/1854/);
    const { citation, document } = await firstCitation(responses.html, "lighthouses");
    expect(citation.page).toBeUndefined();
    expect(document.title).toBe("Lighthouse Notes");
    expect(document.text).not.toMatch(/gift shop|Buy tickets|Copyright|<\/?\w+>/);
  });

  it("answers from a Word document, with its headings as the passage's section", async () => {
    expect(responses.docx.answer).toMatch(/February/);
    const { citation, document } = await firstCitation(responses.docx, "orchard");
    expect(document).toMatchObject({ title: "Orchard Handbook", format: "docx" });
    expect(citation.section).toEqual(["Pruning"]);
    expect(document.text).toContain("- Remove dead wood first.\n- Cut crossing branches.");
  });

  it("reads a web page saved as .txt as HTML: no tags in the answer", async () => {
    expect(responses.sniffed.answer).toMatch(/seven in the morning/);
    expect(responses.sniffed.answer).not.toMatch(/<|>/);
    const { document } = await firstCitation(responses.sniffed, "ferries");
    expect(document).toMatchObject({ title: "Island Ferries", format: "html" });
  });

  it("answers from Markdown as before", async () => {
    expect(responses.md.answer).toMatch(/ten on Sundays/);
    await firstCitation(responses.md, "museum");
  });
});

const run = promisify(execFile);

/** `npm run ingest` on the collection, as a user runs it: exit code and what it printed. */
async function ingestCommand(...args: string[]): Promise<{ code: number; out: string }> {
  const env = { ...process.env, CORPUS_DIR: collection.corpus, DATA_DIR: collection.data };
  return run(process.execPath, ["--import", "tsx", "scripts/ingest.ts", ...args], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, out: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: error.stdout + error.stderr }),
  );
}

describe("bad files", () => {
  async function hugePdf(): Promise<void> {
    const handle = await fs.open(path.join(collection.corpus, "huge.pdf"), "w");
    await handle.truncate(MAX_DOCUMENT_BYTES + 1); // sparse: over the limit on paper only
    await handle.close();
  }

  it.each([
    ["scan.pdf", scannedPdf, /scan\.pdf has no text layer \(a scanned PDF\? run OCR on it first\): fix or remove it\./],
    ["locked.pdf", encryptedPdf, /locked\.pdf is a password-protected PDF/],
    ["broken.docx", async () => new TextEncoder().encode("PK\u0003\u0004 cut short"), /broken\.docx is not a readable DOCX file/],
    ["notes.pdf", async () => new TextEncoder().encode("%PDF-1.7\n1 0 obj <<"), /notes\.pdf is not a readable PDF/],
  ])("%s stops the ingest with a message naming it, and the index before stays current", async (file, write, message) => {
    const before = (await readIndexData(collection.data)).manifest;
    await collection.write({ [file]: await write() });
    try {
      await expect(collection.ingest()).rejects.toThrow(message);
      expect((await readIndexData(collection.data)).manifest).toEqual(before);
      expect((await question("How long is the Aletsch Glacier?")).answer).toMatch(/23 kilometres/);
    } finally {
      await fs.rm(path.join(collection.corpus, file));
    }
  });

  it("a file over the size limit stops the ingest too", async () => {
    await hugePdf();
    try {
      await expect(collection.ingest()).rejects.toThrow(/huge\.pdf is 10\.0 MB, over the 10 MB limit/);
    } finally {
      await fs.rm(path.join(collection.corpus, "huge.pdf"));
    }
  });

  it("`npm run ingest` names the bad file and leaves the index; with --skip-bad it reports and skips it and ingests the rest", async () => {
    const before = (await readIndexData(collection.data)).manifest;
    await collection.write({ "scan.pdf": await scannedPdf(), "tides.md": "# Tides\n\nHigh tide at the north pier is at noon today.\n" });
    await hugePdf();
    try {
      const stopped = await ingestCommand();
      expect(stopped.code).toBe(1);
      expect(stopped.out).toMatch(/scan\.pdf has no text layer/);
      expect(stopped.out).toMatch(/huge\.pdf is 10\.0 MB/);
      expect(stopped.out).toMatch(/The index was left as it was\. `npm run ingest -- --skip-bad` ingests the other files\./);
      expect((await readIndexData(collection.data)).manifest).toEqual(before);

      const skipped = await ingestCommand("--skip-bad");
      expect(skipped.code).toBe(0);
      expect(skipped.out).toMatch(/skipped huge\.pdf: it is 10\.0 MB, over the 10 MB limit/);
      expect(skipped.out).toMatch(/skipped scan\.pdf: it has no text layer/);
      expect(skipped.out).toMatch(/Indexed 6 documents/);
      expect((await question("When is high tide at the north pier?")).answer).toMatch(/noon/);
    } finally {
      await fs.rm(path.join(collection.corpus, "scan.pdf"));
      await fs.rm(path.join(collection.corpus, "huge.pdf"));
    }
  });
});

describe("npm start's check for a changed corpus (`npm run ingest -- --if-changed`)", () => {
  it("does nothing when the corpus is as indexed, and ingests a new file saying so", async () => {
    const unchanged = await ingestCommand("--if-changed");
    expect(unchanged).toEqual({ code: 0, out: "" });

    await collection.write({ "harbour.md": "# Harbour\n\nThe harbour wall was built in 1820 from local granite.\n" });
    const changed = await ingestCommand("--if-changed");
    expect(changed.code).toBe(0);
    expect(changed.out).toMatch(/has changed since the index was built \(1 new \(harbour\.md\)\): ingesting\./);
    expect(changed.out).toMatch(/1 to embed/);
    expect((await question("When was the harbour wall built?")).answer).toMatch(/1820/);
  });
});
