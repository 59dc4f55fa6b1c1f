import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getEmbedder } from "@/lib/embeddings";
import type { Embedder } from "@/lib/embeddings/types";
import { getEngine } from "@/lib/engine/engine";
import { ingest } from "@/lib/ingest/ingest";
import { unitEmbeddingText } from "@/lib/ingest/units";
import { textPdf } from "@/test/fixtures/write-documents";
import { startPglite, type PgliteServer } from "@/test/pglite";
import { migrate } from "./postgres/migrate";
import { terms } from "@/lib/text/normalize";
import { closePools, poolFor } from "./postgres/pool";
import { postgresWriter } from "./postgres/write";
import { filesSource, postgresSource, type IndexSource } from "./source";
import { readDocument, unitText, unitVector, type IndexView } from "./view";
import { filesWriter, type IndexWriter } from "./writer";

// The same contract for both index stores: what ingest writes, search answers and readers see.

type Store = { writer: IndexWriter; source: IndexSource };
type Backend = { name: string; start(): Promise<void>; fresh(): Promise<Store>; stop(): Promise<void> };

const root = await fs.mkdtemp(path.join(os.tmpdir(), "store-contract-"));
let stores = 0;

const files: Backend = {
  name: "files",
  start: async () => {},
  async fresh() {
    const dir = path.join(root, `data-${++stores}`);
    return { writer: filesWriter(dir), source: filesSource(dir) };
  },
  stop: async () => {},
};

let pglite: PgliteServer;
const postgres: Backend = {
  name: "postgres",
  async start() {
    pglite = await startPglite();
  },
  /** A database of its own for each test: a schema dropped and migrated again, and a URL (so a pool and an engine) of its own. */
  async fresh() {
    const url = `${pglite.url}&application_name=store-${++stores}`;
    await poolFor(url).query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    await migrate(poolFor(url));
    return { writer: postgresWriter(url), source: postgresSource(url) };
  },
  async stop() {
    await closePools();
    await pglite?.stop();
  },
};

let embedder: Embedder;
beforeAll(async () => {
  embedder = await getEmbedder();
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

const corpus = path.join(root, "corpus");
const write = (file: string, text: string) => fs.writeFile(path.join(corpus, file), text);

beforeEach(async () => {
  await fs.rm(corpus, { recursive: true, force: true });
  await fs.mkdir(corpus);
  await write("alpha.txt", "Alpha Base is in the north. It opened in 1951 with 2,400 troops.");
  await write("beta.md", "# Beta\nBeta Port handles ships. Its harbour is 14.5 metres deep.");
});

const run = (store: Store, e: Embedder = embedder) => ingest({ corpusDir: corpus, dataDir: root, embedder: e, writer: store.writer });
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
/** The live index read through one view with every row fetched, as a request would fetch its own. */
async function load(store: Store): Promise<IndexView> {
  const view = (await store.source.load(await store.source.live(), embedder.id)).view();
  const { counts } = view.manifest;
  await view.fetch({ units: range(counts.units), chunks: range(counts.chunks), documents: view.documents.map((d) => d.docId) });
  return view;
}
const allUnits = (index: IndexView) => range(index.manifest.counts.units).map((i) => index.units[i]);
const allChunks = (index: IndexView) => range(index.manifest.counts.chunks).map((i) => index.chunks[i]);
const docIds = (index: IndexView) => index.documents.map((d) => d.docId).sort();

describe.each([files, postgres])("the $name index store", (backend) => {
  beforeAll(() => backend.start(), 60_000);
  afterAll(() => backend.stop());

  it("says to run ingest before the first one", async () => {
    const store = await backend.fresh();
    await expect(getEngine(store.source)).rejects.toMatchObject({ code: "index_missing", message: expect.stringMatching(/npm run ingest/) });
  });

  it("reads back the documents (a PDF's pages too), chunks, sentences and vectors ingest wrote", async () => {
    const store = await backend.fresh();
    await fs.writeFile(path.join(corpus, "gamma.pdf"), await textPdf(["Gamma Field grows wheat.", "Its silos hold 900 tonnes."]));
    await run(store);
    const index = await load(store);
    expect(docIds(index)).toEqual(["alpha", "beta", "gamma"]);
    expect(index.documentById.get("beta")).toMatchObject({ title: "Beta", format: "md" });
    const gamma = index.documentById.get("gamma")!;
    expect(gamma).toMatchObject({ format: "pdf", pages: [0, expect.any(Number)] });
    expect(index.documentText("gamma")!.slice(gamma.pages![1])).toMatch(/^Its silos hold 900 tonnes/);
    for (const c of allChunks(index)) expect(c.text).toBe(index.documentText(c.docId)!.slice(c.start, c.end));
    expect(allUnits(index).map((_, i) => unitText(index, i))).toContain("Its harbour is 14.5 metres deep.");
    const fresh = await embedder.embed(allUnits(index).map((u) => unitEmbeddingText(index.documentText(u.docId)!, u)));
    fresh.forEach((v, i) => expect(Array.from(unitVector(index, i))).toEqual(Array.from(v)));
  });

  it("finds sentences by meaning and chunks by words", async () => {
    const store = await backend.fresh();
    await run(store);
    const index = await load(store);
    const harbour = allUnits(index).findIndex((_, i) => unitText(index, i).includes("harbour"));
    const [nearest] = await index.searchDense(unitVector(index, harbour), 3);
    expect(nearest.unit).toBe(harbour);
    expect(nearest.similarity).toBeCloseTo(1, 5);
    const [best] = await index.searchLexical("how deep is the harbour", 5);
    expect(index.chunks[best.index].docId).toBe("beta");
    // Terms are spelt the American way (lib/text/normalize): the American spelling finds it too.
    const [harbourTerm] = terms("harbour");
    expect(index.termIdf(harbourTerm)).toBeGreaterThan(0);
    expect(index.termIdf("unheardof")).toBeGreaterThan(index.termIdf(harbourTerm));
    expect((await index.searchLexical("how deep is the harbor", 5))[0].index).toBe(best.index);
  });

  it("re-embeds only what changed, and a reader picks the new index up without a restart", async () => {
    const store = await backend.fresh();
    await run(store);
    const before = await getEngine(store.source);
    expect((await run(store)).nothingChanged).toBe(true);
    await write("beta.md", "# Beta\nBeta Port handles ships. Its harbour was dredged in 2020.");
    await write("gamma.txt", "Gamma Field grows wheat.");
    expect(await run(store)).toMatchObject({ nothingChanged: false, documents: 3, embedded: { documents: 2 } });
    const after = await getEngine(store.source);
    expect(after).not.toBe(before);
    const view = after.store.view();
    expect(docIds(view)).toEqual(["alpha", "beta", "gamma"]);
    expect((await readDocument(view, "beta"))!.text).toContain("dredged");
    const [best] = await view.searchLexical("wheat", 1);
    await view.fetch({ chunks: [best.index] });
    expect(view.chunks[best.index].docId).toBe("gamma");
    await fs.rm(path.join(corpus, "alpha.txt"));
    expect(await run(store)).toMatchObject({ documents: 2, removed: ["alpha"], embedded: { documents: 0 } });
    expect(docIds((await getEngine(store.source)).store.view())).toEqual(["beta", "gamma"]);
  });

  it("leaves the live index as it was when an ingest fails midway", async () => {
    const store = await backend.fresh();
    await run(store);
    const live = await store.source.live();
    await write("beta.md", "# Beta\nBeta Port changed.");
    await write("delta.txt", "Delta is new.");
    let calls = 0;
    const failing: Embedder = { ...embedder, embed: async (texts) => (++calls > 1 ? Promise.reject(new Error("embedder crashed")) : embedder.embed(texts)) };
    await expect(run(store, failing)).rejects.toThrow("embedder crashed");
    expect(await store.source.live()).toBe(live);
    const index = await load(store);
    expect(docIds(index)).toEqual(["alpha", "beta"]);
    expect(index.documentText("beta")).toContain("harbour");
  });

  it("runs two ingests started at once one after the other: the second finds nothing left to do", async () => {
    const store = await backend.fresh();
    await write("gamma.txt", "Gamma Field grows wheat.");
    const [a, b] = await Promise.all([run(store), run(store)]);
    expect([a.nothingChanged, b.nothingChanged].sort()).toEqual([false, true]);
    expect(docIds(await load(store))).toEqual(["alpha", "beta", "gamma"]);
  });
});

describe("the two stores on one corpus", () => {
  beforeAll(() => postgres.start(), 60_000);
  afterAll(() => postgres.stop());

  it("Postgres: a server with an empty database says to migrate; ingest migrates it first", async () => {
    const url = `${pglite.url}&application_name=empty`;
    await poolFor(url).query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    await expect(getEngine(postgresSource(url))).rejects.toMatchObject({ code: "index_missing", message: expect.stringMatching(/npm run migrate/) });
    expect((await run({ writer: postgresWriter(url), source: postgresSource(url) })).documents).toBe(2);
    expect(docIds((await getEngine(postgresSource(url))).store.view())).toEqual(["alpha", "beta"]);
  });

  it("return the same sentences and chunks, with the same scores", async () => {
    await write("gamma.txt", "Gamma Field grows wheat and barley. The harvest starts in July.\n\nThe field was a base until 1990.");
    const [a, b] = [await files.fresh(), await postgres.fresh()];
    await run(a);
    await run(b);
    const [x, y] = [await load(a), await load(b)];
    expect(allUnits(y)).toEqual(allUnits(x));
    expect(allChunks(y)).toEqual(allChunks(x));
    for (const query of ["When did the base open?", "harbour depth", "wheat harvest July", "troops in the north"]) {
      const [v] = await embedder.embed([query]);
      const [dx, dy] = [await x.searchDense(v, 5), await y.searchDense(v, 5)];
      expect(dy.map((h) => h.unit)).toEqual(dx.map((h) => h.unit));
      dy.forEach((h, i) => expect(h.similarity).toBeCloseTo(dx[i].similarity, 5));
      const [lx, ly] = [await x.searchLexical(query, 10), await y.searchLexical(query, 10)];
      expect(ly.map((h) => h.index)).toEqual(lx.map((h) => h.index));
      ly.forEach((h, i) => expect(h.score).toBeCloseTo(lx[i].score, 9));
    }
  });
});
