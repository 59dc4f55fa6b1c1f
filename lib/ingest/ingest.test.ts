import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getEmbedder } from "@/lib/embeddings";
import type { Embedder } from "@/lib/embeddings/types";
import { currentIndexDir, loadIndex } from "@/lib/index/disk";
import { INDEX_FILES } from "@/lib/index/format";
import { LOCK_FILE } from "@/lib/index/lock";
import { ingest } from "./ingest";

let embedder: Embedder;
let root: string;
let corpus: string;
let data: string;

beforeAll(async () => {
  embedder = await getEmbedder();
});
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "ingest-"));
  corpus = path.join(root, "corpus");
  data = path.join(root, "data");
  await fs.mkdir(corpus);
  await write("alpha.txt", "Alpha Base is in the north. It opened in 1951.");
  await write("beta.txt", "Beta Port handles ships. Its harbour is deep.");
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const write = (file: string, text: string) => fs.writeFile(path.join(corpus, file), text);
const run = (e: Embedder = embedder) => ingest({ corpusDir: corpus, dataDir: data, embedder: e });

describe("ingest", () => {
  it("builds an index, then re-embeds only what changed", async () => {
    const first = await run();
    expect(first).toMatchObject({ nothingChanged: false, documents: 2, embedded: { documents: 2 } });

    const again = await run();
    expect(again.nothingChanged).toBe(true);

    await write("beta.txt", "Beta Port handles ships. Its harbour was dredged in 2020.");
    await write("gamma.md", "# Gamma\nGamma Field grows wheat.");
    const changed = await run();
    expect(changed).toMatchObject({ nothingChanged: false, documents: 3, embedded: { documents: 2 } });

    await fs.rm(path.join(corpus, "alpha.txt"));
    const removed = await run();
    expect(removed).toMatchObject({ documents: 2, removed: ["alpha"], embedded: { documents: 0 } });

    const store = await loadIndex(data, embedder.id);
    expect(store.documents.map((d) => d.docId).sort()).toEqual(["beta", "gamma"]);
    expect(store.documentById.get("beta")!.text).toContain("dredged");
    expect(store.documentById.get("gamma")!.title).toBe("Gamma");
  });

  it("leaves the previous index usable when a run fails midway", async () => {
    await run();
    const before = await loadIndex(data, embedder.id);
    await write("beta.txt", "Beta Port changed.");
    await write("delta.txt", "Delta is new.");
    let calls = 0;
    const failing: Embedder = {
      id: embedder.id,
      dimensions: embedder.dimensions,
      embed: async (texts) => {
        if (++calls > 1) throw new Error("embedder crashed");
        return embedder.embed(texts);
      },
    };
    await expect(run(failing)).rejects.toThrow("embedder crashed");
    const after = await loadIndex(data, embedder.id);
    expect(after.manifest).toEqual(before.manifest);
    const entries = await fs.readdir(data);
    expect(entries.filter((e) => e.startsWith("index-"))).toHaveLength(1);
  });

  it("refuses bad input and keeps the index it had", async () => {
    await run();
    await fs.writeFile(path.join(corpus, "bad.txt"), new Uint8Array([0xff, 0xfe, 0x00, 0x01]));
    await expect(run()).rejects.toThrow(/bad\.txt looks binary/);
    expect((await loadIndex(data, embedder.id)).documents).toHaveLength(2);
  });
});

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid!;
}

const indexFolders = async () => (await fs.readdir(data)).filter((e) => e.startsWith("index-"));

describe("two ingests of one data folder", () => {
  it("run one after the other: both succeed and one index remains", async () => {
    await write("gamma.txt", "Gamma Field grows wheat.");
    const [a, b] = await Promise.all([run(), run()]);
    expect([a.nothingChanged, b.nothingChanged].sort()).toEqual([false, true]);
    expect((await loadIndex(data, embedder.id)).documents).toHaveLength(3);
    expect(await indexFolders()).toHaveLength(1);
    expect(await fs.readdir(data)).not.toContain(LOCK_FILE);
  });

  it("stop with a clear message when the other one holds the lock too long", async () => {
    await fs.mkdir(data, { recursive: true });
    await fs.writeFile(path.join(data, LOCK_FILE), JSON.stringify({ pid: process.ppid, since: "2026-01-01T00:00:00.000Z" }));
    const waiting: unknown[] = [];
    const attempt = ingest({ corpusDir: corpus, dataDir: data, embedder, lockWaitMs: 300, onProgress: (e) => e.type === "waiting" && waiting.push(e) });
    await expect(attempt).rejects.toThrow(new RegExp(`Another ingest \\(process ${process.ppid}, since 2026-01-01.*\\) is writing the index.*delete .*${LOCK_FILE}`));
    expect(waiting).toEqual([{ type: "waiting", pid: process.ppid, since: "2026-01-01T00:00:00.000Z" }]);
  });

  it("take over the lock of an ingest that was killed", async () => {
    await fs.mkdir(data, { recursive: true });
    await fs.writeFile(path.join(data, LOCK_FILE), JSON.stringify({ pid: deadPid(), since: "2026-01-01T00:00:00.000Z" }));
    expect((await run()).documents).toBe(2);
    expect(await fs.readdir(data)).not.toContain(LOCK_FILE);
  });

  it("clean up only folders nobody is writing: another running process's folder stays", async () => {
    await run();
    const inProgress = `index-${Date.now()}-${process.ppid}`; // a running process, mid-write (no manifest yet)
    const leftover = `index-${Date.now() - 1000}-${deadPid()}`; // a killed run
    await fs.mkdir(path.join(data, inProgress));
    await fs.writeFile(path.join(data, inProgress, INDEX_FILES.documents), "[]");
    await fs.mkdir(path.join(data, leftover));
    await write("beta.txt", "Beta Port changed.");
    await run();
    const folders = await indexFolders();
    expect(folders).toContain(inProgress);
    expect(folders).not.toContain(leftover);
    expect(folders).toHaveLength(2);
  });
});

describe("loadIndex", () => {
  it("says to run ingest when there is no index", async () => {
    await expect(loadIndex(data)).rejects.toMatchObject({ code: "index_missing", message: expect.stringMatching(/npm run ingest/) });
  });

  it("detects a corrupt index", async () => {
    await run();
    await fs.writeFile(path.join(currentIndexDir(data), INDEX_FILES.vectors), "garbage");
    await expect(loadIndex(data)).rejects.toMatchObject({ code: "index_incompatible", message: expect.stringMatching(/damaged.*npm run ingest/) });
  });

  it("refuses an index built by another embedder", async () => {
    await run();
    await expect(loadIndex(data, "openai:text-embedding-3-small")).rejects.toMatchObject({
      code: "index_incompatible",
      message: expect.stringMatching(/re-run `npm run ingest`/),
    });
  });
});
