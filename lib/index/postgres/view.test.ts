import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Embedder } from "@/lib/embeddings/types";
import { ask } from "@/lib/engine/ask";
import type { Engine } from "@/lib/engine/engine";
import { ingest } from "@/lib/ingest/ingest";
import { QueryEmbeddingCache } from "@/lib/retrieval/query-cache";
import { startPglite, type PgliteServer } from "@/test/pglite";
import { loadIndex } from "../disk";
import { readDocument, type IndexStore, type IndexView } from "../view";
import { filesWriter } from "../writer";
import { currentVersion } from "./load";
import { migrate } from "./migrate";
import { closePools, poolFor } from "./pool";
import { loadPostgresIndex } from "./store";
import { postgresWriter } from "./write";

// The Postgres store keeps no rows in the app process: a request fetches the rows it reads.

/** Words hashed into 512 dimensions: a stand-in for the model, quick enough for a collection of hundreds of documents. */
const hashed: Embedder = {
  id: "test-hashed-words@1",
  dimensions: 512,
  async embed(texts) {
    return texts.map((text) => {
      const v = new Float32Array(512);
      for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
        let h = 7;
        for (const ch of word) h = (h * 31 + ch.codePointAt(0)!) | 0;
        v[Math.abs(h) % 512] += 1;
      }
      const norm = Math.hypot(...v) || 1;
      return v.map((x) => x / norm);
    });
  },
};

const DOCUMENTS = 400;
const WIDE = 200;
const SYLLABLES = [["Kal", "Mor", "Tev", "Zun", "Bri", "Dal", "Fen", "Gor"], ["ra", "vi", "lo", "de", "ku", "sa", "ne", "mi"], ["ton", "vik", "mar", "dun", "sel", "bek", "lor", "gard"]];
const nameOf = (i: number) => SYLLABLES.map((s, k) => s[Math.floor(i / 8 ** k) % 8]).join("");

const root = await fs.mkdtemp(path.join(os.tmpdir(), "pg-view-"));
const corpus = path.join(root, "corpus");
let pglite: PgliteServer;
let postgres: IndexStore;
let files: IndexStore;

beforeAll(async () => {
  await fs.mkdir(corpus);
  for (let i = 0; i < DOCUMENTS; i++) {
    const name = nameOf(i);
    // One text with a character beyond the BMP: its offsets are not Postgres's, so it is read whole.
    const wide = i === WIDE ? "🚉 " : "";
    await fs.writeFile(path.join(corpus, `${name.toLowerCase()}.txt`), `${wide}${name} Station lies in the ${nameOf(i + 97)} district. ${name} Station opened in ${1850 + (i % 150)}. It employs ${20 + i} people.`);
  }
  pglite = await startPglite();
  await migrate(poolFor(pglite.url));
  await ingest({ corpusDir: corpus, dataDir: root, embedder: hashed, writer: postgresWriter(pglite.url) });
  postgres = await loadPostgresIndex(pglite.url, (await currentVersion(poolFor(pglite.url)))!, hashed.id);
  const data = path.join(root, "data");
  await ingest({ corpusDir: corpus, dataDir: data, embedder: hashed, writer: filesWriter(data) });
  files = await loadIndex(data, hashed.id);
}, 300_000);

afterAll(async () => {
  await closePools();
  await pglite?.stop();
  await fs.rm(root, { recursive: true, force: true });
});

/** An engine on `store` that records the view each request reads through. */
function recording(store: IndexStore): { engine: Engine; views: IndexView[] } {
  const views: IndexView[] = [];
  const view = () => {
    const v = store.view();
    views.push(v);
    return v;
  };
  return { engine: { store: { ...store, view }, embedder: hashed, queries: new QueryEmbeddingCache(hashed) }, views };
}

const fetchedUnits = (view: IndexView) => Object.keys(view.units).length;
const fetchedTexts = (view: IndexView) => view.documents.filter((d) => view.documentText(d.docId) !== undefined).length;

describe("the Postgres store in an app process", () => {
  it("holds no texts, sentences or vectors once loaded", () => {
    expect(postgres.manifest.counts).toMatchObject({ documents: DOCUMENTS, units: 3 * DOCUMENTS });
    const view = postgres.view();
    expect(fetchedUnits(view)).toBe(0);
    expect(fetchedTexts(view)).toBe(0);
    expect(view.documents).toHaveLength(DOCUMENTS);
  });

  it("answers as the files store does, having fetched a small part of the collection", async () => {
    const name = nameOf(123);
    const question = `When did ${name} Station open?`;
    const pg = recording(postgres);
    const answer = await ask({ question }, pg.engine, { llm: null });
    expect(answer.answer).toMatch(new RegExp(`${name} Station opened in ${1850 + (123 % 150)}`));
    expect(answer.citations.map((c) => c.docId)).toContain(name.toLowerCase());
    // The same answer and citations as from files (the lower passages may differ: hashed words tie often, and two HNSW graphs break ties apart).
    const fromFiles = await ask({ question }, recording(files).engine, { llm: null });
    expect([answer.answer, answer.citations]).toEqual([fromFiles.answer, fromFiles.citations]);

    // One view for the request: it read a few hundred of the 1,200 sentences, and no document whole (only the text around them).
    expect(pg.views).toHaveLength(1);
    const [view] = pg.views;
    expect(fetchedUnits(view)).toBeGreaterThan(0);
    expect(fetchedUnits(view)).toBeLessThan(postgres.manifest.counts.units / 2);
    expect(fetchedTexts(view)).toBe(0);
  });

  it("quotes a text with characters beyond the BMP at the files store's offsets", async () => {
    const question = `How many people does ${nameOf(WIDE)} Station employ?`;
    const pg = await ask({ question }, recording(postgres).engine, { llm: null });
    const docId = nameOf(WIDE).toLowerCase();
    const cited = pg.citations.filter((c) => c.docId === docId);
    expect(cited).toHaveLength(1);
    expect(cited[0].text).toMatch(/^🚉 /);
    // Offsets count as JavaScript does (UTF-16), whatever Postgres counts in: the files store's text at them is the quote.
    const text = (await readDocument(files.view(), docId))!.text;
    expect(text.slice(cited[0].start, cited[0].end)).toBe(cited[0].text);
    expect(text.slice(cited[0].quote!.start, cited[0].quote!.end)).toMatch(/employs \d+ people/);
  });

  it("reads a document for its page on demand, the same record as the files store's", async () => {
    const docId = nameOf(7).toLowerCase();
    const view = postgres.view();
    expect(await readDocument(view, docId)).toEqual(await readDocument(files.view(), docId));
    expect(fetchedTexts(view)).toBe(1);
    expect(await readDocument(view, "no-such-document")).toBeUndefined();
  });
});
