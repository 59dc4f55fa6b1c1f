import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getEmbedder } from "@/lib/embeddings";
import { getEngine } from "@/lib/engine/engine";
import { ingest } from "@/lib/ingest/ingest";

const root = await fs.mkdtemp(path.join(os.tmpdir(), "engine-"));
const corpus = path.join(root, "corpus");
const data = path.join(root, "data");
afterAll(() => fs.rm(root, { recursive: true, force: true }));

async function ingestText(file: string, text: string) {
  await fs.mkdir(corpus, { recursive: true });
  await fs.writeFile(path.join(corpus, file), text);
  await ingest({ corpusDir: corpus, dataDir: data, embedder: await getEmbedder() });
}

describe("getEngine", () => {
  it("loads once for concurrent first calls, and picks up a re-ingested index", async () => {
    await ingestText("alpha.txt", "Alpha Base opened in 1951.");
    const [a, b, c] = await Promise.all([getEngine(data), getEngine(data), getEngine(data)]);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(await getEngine(data)).toBe(a);

    await ingestText("beta.txt", "Beta Port handles ships.");
    const reloaded = await getEngine(data);
    expect(reloaded).not.toBe(a);
    expect(reloaded.store.documents.map((d) => d.docId).sort()).toEqual(["alpha", "beta"]);
    expect(reloaded.embedder).toBe(a.embedder);
  });
});
