import { fork } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeIndex, type IndexDraft } from "@/lib/index/disk";
import { migrate } from "@/lib/index/postgres/migrate";
import { closePools, poolFor } from "@/lib/index/postgres/pool";
import { postgresWriter } from "@/lib/index/postgres/write";
import type { StoreData } from "@/lib/index/store";
import { startPglite } from "@/test/pglite";
import { round, timed, type Summary } from "./stats";
import { exactTopK, realisticVectors } from "./vectors";

// The two index stores side by side on the same synthetic index: the store's share of ingest
// (writing the index), query latency, recall of the vector index, and an app process's memory.

/** `bulkFrom`: from this size on, Postgres loads the rows first and builds the HNSW index after (pgvector's advice for bulk loads). */
export type StorePlan = { sizes: number[]; queries: number; bulkFrom: number };

/** What a child process (store-child.ts) measures: one app process reading one store. */
export type StoreChildResult = {
  loadSeconds: number;
  denseMs: Summary;
  lexicalMs: Summary;
  /** Retrieval and sentence ranking of one question (hybridSearch and rerankBySentences, no embedding), through a fresh view each. */
  rankMs: Summary;
  /** The dense search's top 10 per query vector, for recall. */
  top10: number[][];
  memoryMiB: { rss: number; heapUsed: number; arrayBuffers: number };
};

export type StoreRun = Omit<StoreChildResult, "top10"> & {
  store: "files" | "postgres";
  sentences: number;
  chunks: number;
  writeSeconds: number;
  /** Postgres bulk load: the part of writeSeconds spent building the HNSW index after the rows. */
  indexBuildSeconds?: number;
  recallAt10: number;
};

export type StoresResult = { postgres: string; runs: StoreRun[] };

export type StoreJob = { store: "files" | "postgres"; location: string; queryFile: string; embedderId: string };

/** The HNSW index of migrations/001_index.sql, built again after a bulk load. */
const HNSW_INDEX = "CREATE INDEX sentences_embedding ON sentences USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 200)";

const CHILD = fileURLToPath(new URL("./store-child.ts", import.meta.url));

async function runChild(job: StoreJob, timeoutMs = 20 * 60_000): Promise<StoreChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [JSON.stringify(job)], { execArgv: [...process.execArgv, "--expose-gc"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`store run ${job.store} took over ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.once("message", (m: StoreChildResult | { error: string }) => {
      clearTimeout(timer);
      if ("error" in m) reject(new Error(`store run ${job.store} failed: ${m.error}`));
      else resolve(m);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`store run ${job.store} exited with ${code}`));
    });
  });
}

/**
 * An index of about `size` sentences: copies of the live index's documents (each copy its own
 * document id) and synthetic vectors shaped like its sentence vectors (vectors.ts).
 */
export function syntheticDraft(base: StoreData, size: number, seed: number): IndexDraft {
  const documents: IndexDraft["documents"] = [];
  const entries: IndexDraft["manifest"]["documents"] = [];
  const chunks: IndexDraft["chunks"] = [];
  const units: IndexDraft["units"] = [];
  for (let copy = 0; units.length < size; copy++) {
    base.documents.forEach((d, i) => {
      if (units.length >= size) return;
      const docId = `${d.docId}-${copy}`;
      documents.push({ ...d, docId, title: `${d.title} (${copy})` });
      entries.push({ ...base.manifest.documents[i], docId, file: `${docId}.txt` });
      chunks.push(...base.chunks.filter((c) => c.docId === d.docId).map((c) => ({ ...c, docId, chunkId: `${docId}:${c.chunkId}` })));
      units.push(...base.units.filter((u) => u.docId === d.docId).map((u) => ({ ...u, docId })));
    });
  }
  const manifest = { ...base.manifest, documents: entries, counts: { documents: documents.length, chunks: chunks.length, units: units.length } };
  return { manifest, documents, chunks, units, vectors: realisticVectors(base.vectors, base.manifest.embedder.dimensions, units.length, seed) };
}

/** Both stores at each size: the write timed here, reading and querying in a fresh child process each. */
export async function benchStores(base: StoreData, questions: string[], plan: StorePlan, log: (s: string) => void): Promise<StoresResult> {
  const dim = base.manifest.embedder.dimensions;
  const external = process.env.DATABASE_URL;
  const pglite = external ? null : await startPglite();
  const url = external ?? pglite!.url;
  const pool = poolFor(url);
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "bench-stores-"));
  try {
    const version = await pool.query<{ v: string }>("SELECT version() AS v");
    const postgres = `${version.rows[0].v.split(" on ")[0]}${external ? "" : " (PGlite, WebAssembly, in the bench process)"}`;
    const runs: StoreRun[] = [];
    for (const size of plan.sizes) {
      const draft = syntheticDraft(base, size, size);
      const queries = realisticVectors(base.vectors, dim, plan.queries, size + 1);
      const queryFile = path.join(root, `queries-${size}.json`);
      await fs.writeFile(queryFile, JSON.stringify({ texts: questions, vectors: Array.from({ length: plan.queries }, (_, q) => Array.from(queries.subarray(q * dim, (q + 1) * dim))) }));
      const truth = Array.from({ length: plan.queries }, (_, q) => exactTopK(draft.vectors, dim, queries.subarray(q * dim, (q + 1) * dim), 10));
      const recall = (top10: number[][]) => round(top10.reduce((n, hits, q) => n + truth[q].filter((u) => hits.includes(u)).length, 0) / (10 * plan.queries), 4);

      const dataDir = path.join(root, `data-${size}`);
      const files = await timed(() => writeIndex(dataDir, draft));
      await pool.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
      await migrate(pool);
      const bulk = size >= plan.bulkFrom;
      if (bulk) await pool.query("DROP INDEX sentences_embedding");
      const pg = await timed(() => postgresWriter(url).exclusive((s) => s.write(draft)));
      const build = bulk ? await timed(() => pool.query(HNSW_INDEX)) : null;
      for (const [store, location, writeMs] of [["files", dataDir, files.ms], ["postgres", url, pg.ms + (build?.ms ?? 0)]] as const) {
        const child = await runChild({ store, location, queryFile, embedderId: draft.manifest.embedder.id });
        const { top10, ...measured } = child;
        const r: StoreRun = { store, sentences: draft.units.length, chunks: draft.chunks.length, writeSeconds: round(writeMs / 1000, 2), recallAt10: recall(top10), ...measured };
        if (store === "postgres" && build) r.indexBuildSeconds = round(build.ms / 1000, 2);
        runs.push(r);
        log(`  ${store} ${r.sentences} sentences: write ${r.writeSeconds} s, load ${r.loadSeconds} s, dense p50 ${r.denseMs.p50} ms, lexical p50 ${r.lexicalMs.p50} ms, rank p50 ${r.rankMs.p50} ms, recall@10 ${r.recallAt10}, rss ${r.memoryMiB.rss} MiB`);
      }
      await fs.rm(dataDir, { recursive: true, force: true });
    }
    return { postgres, runs };
  } finally {
    await closePools();
    await pglite?.stop();
    await fs.rm(root, { recursive: true, force: true });
  }
}
