import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Embedder } from "./types";
import { useLiteWorkerSource } from "./use-lite-worker";
import { normalize } from "./vector";
import { EmbeddingWorkerPool } from "./worker-pool";

const DIMENSIONS = 512;
/**
 * Padded characters (texts × the longest) per model call: enough to amortize a call's ~10 ms of
 * overhead, few enough to pad little and bound memory. See docs/embeddings.md.
 */
const BATCH_CHARS = 2400;
/** One worker per core, each with its own copy of the model. */
const MAX_WORKERS = 4;
/** About the characters of English that fill the 128 tokens the model reads (it ignores the rest). */
const CHARS_READ = 600;

/**
 * Universal Sentence Encoder Lite on a pool of worker threads, one per core: TF.js's WASM
 * backend runs single-threaded in Node, so parallel workers are what use the other cores, and
 * the event loop stays free while texts are embedded.
 */
class UseLiteEmbedder implements Embedder {
  readonly dimensions = DIMENSIONS;

  constructor(
    readonly id: string,
    private readonly pool: EmbeddingWorkerPool,
  ) {}

  async embed(texts: string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = new Array(texts.length);
    await Promise.all(
      this.batches(texts).map(async (batch) => {
        const flat = await this.pool.run(batch.map((i) => texts[i]));
        batch.forEach((i, row) => (out[i] = normalize(flat.subarray(row * DIMENSIONS, (row + 1) * DIMENSIONS))));
      }),
    );
    return out;
  }

  /**
   * Indices of `texts` cut into batches: longest first, so that each batch pads little and the
   * longest start first; of about equal padded size, about two per worker, so that one call
   * keeps every worker busy until its end.
   */
  private batches(texts: string[]): number[][] {
    const cost = (i: number) => Math.max(1, Math.min(texts[i].length, CHARS_READ));
    const order = texts.map((_, i) => i).sort((a, b) => cost(b) - cost(a));
    const budget = Math.min(BATCH_CHARS, order.reduce((sum, i) => sum + cost(i), 0) / (2 * this.pool.size));
    const batches: number[][] = [];
    for (const i of order) {
      const last = batches.at(-1);
      if (last && (last.length + 1) * cost(last[0]) <= budget) last.push(i);
      else batches.push([i]);
    }
    return batches;
  }
}

const globalKey = Symbol.for("nato-rag.use-lite-embedder");
type WithEmbedder = typeof globalThis & { [globalKey]?: Promise<Embedder> };

/**
 * The process's one USE-Lite embedder; concurrent first calls share one load. Kept on globalThis
 * so that Next.js dev reloads do not start more workers.
 */
export function createUseLiteEmbedder(): Promise<Embedder> {
  const g = globalThis as WithEmbedder;
  g[globalKey] ??= start().catch((error) => {
    delete g[globalKey]; // let a later call retry
    throw error;
  });
  return g[globalKey];
}

async function start(): Promise<Embedder> {
  const size = Math.max(1, Math.min(os.availableParallelism(), MAX_WORKERS));
  // import.meta.url is this source file under tsx, vitest and Next.js; the cwd is the fallback
  // for a build run elsewhere.
  const resolveFrom = [import.meta.url, path.join(process.cwd(), "index.js")];
  const spawn = () => new Worker(useLiteWorkerSource, { eval: true, workerData: { resolveFrom } });
  const { pool, version } = await EmbeddingWorkerPool.start(size, spawn);
  return new UseLiteEmbedder(`use-lite@${version}`, pool);
}
