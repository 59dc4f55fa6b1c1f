import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getEmbedder } from "@/lib/embeddings";
import { getEngine } from "@/lib/engine/engine";
import { currentIndexDir } from "@/lib/index/disk";
import { INDEX_FILES } from "@/lib/index/format";
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
    expect(reloaded.store.view().documents.map((d) => d.docId).sort()).toEqual(["alpha", "beta"]);
    expect(reloaded.embedder).toBe(a.embedder);
  });

  it("keeps serving the index it has when a new one on disk is damaged, and says why it refuses one", async () => {
    const before = await getEngine(data);
    // A copy of the live index with its HNSW file overwritten at an offset, swapped in as ingest would.
    const damaged = `index-${Date.now()}-${process.pid}`;
    await fs.cp(await fs.realpath(currentIndexDir(data)), path.join(data, damaged), { recursive: true });
    const dense = path.join(data, damaged, INDEX_FILES.dense);
    const bytes = await fs.readFile(dense);
    bytes.fill(0xab, 100, 164);
    await fs.writeFile(dense, bytes);
    await fs.symlink(damaged, path.join(data, "swap.tmp"));
    await fs.rename(path.join(data, "swap.tmp"), currentIndexDir(data));

    expect(await getEngine(data)).toBe(before);
    expect(await getEngine(data)).toBe(before);

    // A server that starts on the damaged index refuses to serve it.
    const fresh = path.join(root, "fresh");
    await fs.cp(data, fresh, { recursive: true, verbatimSymlinks: true });
    await expect(getEngine(fresh)).rejects.toMatchObject({ status: 503, message: expect.stringMatching(/damaged.*npm run ingest/) });

    // The next ingest replaces it, and the server picks the new index up.
    await ingestText("gamma.txt", "Gamma Field grows wheat.");
    const after = await getEngine(data);
    expect(after).not.toBe(before);
    expect(after.store.view().documents).toHaveLength(3);
  });
});
