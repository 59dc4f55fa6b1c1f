// Runs in its own process (forked by scripts/bench/stores.ts): one app process reading one index
// store, so that its memory is the store's alone. Loads the live index, times searches, then
// ranks the sentences of each question's passages as /api/ask does (each through a view of its own).
import fs from "node:fs/promises";
import { rerankBySentences } from "@/lib/answer/ranking/rerank";
import { filesSource, postgresSource } from "@/lib/index/source";
import { closePools } from "@/lib/index/postgres/pool";
import { CANDIDATE_PASSAGES, DEFAULT_K, DENSE_CANDIDATES, hybridSearch, LEXICAL_CANDIDATES } from "@/lib/retrieval/search";
import type { StoreChildResult, StoreJob } from "./stores";
import { round, summarize, timed } from "./stats";

const MiB = 1024 * 1024;

async function run(job: StoreJob): Promise<StoreChildResult> {
  const { texts, vectors } = JSON.parse(await fs.readFile(job.queryFile, "utf8")) as { texts: string[]; vectors: number[][] };
  const source = job.store === "files" ? filesSource(job.location) : postgresSource(job.location);
  const { value: loaded, ms: loadMs } = await timed(async () => source.load(await source.live(), job.embedderId));
  const store = loaded.view();
  const queries = vectors.map((v) => new Float32Array(v));
  await store.searchDense(queries[0], DENSE_CANDIDATES); // warm-up
  const denseMs: number[] = [];
  for (const q of queries) denseMs.push((await timed(() => store.searchDense(q, DENSE_CANDIDATES))).ms);
  const lexicalMs: number[] = [];
  for (let round = 0; round < 3; round++) for (const t of texts) lexicalMs.push((await timed(() => store.searchLexical(t, LEXICAL_CANDIDATES))).ms);
  const top10 = await Promise.all(queries.map(async (q) => (await store.searchDense(q, 10)).map((h) => h.unit)));
  const rankMs: number[] = [];
  for (const [i, t] of texts.entries()) {
    const view = loaded.view();
    const ranked = await timed(async () => rerankBySentences(view, await hybridSearch(view, t, queries[i % queries.length], CANDIDATE_PASSAGES), t, DEFAULT_K));
    if (!ranked.value.retrieval.passages.length) throw new Error(`no passages for "${t}"`);
    rankMs.push(ranked.ms);
  }
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return {
    loadSeconds: round(loadMs / 1000, 2),
    denseMs: summarize(denseMs),
    lexicalMs: summarize(lexicalMs),
    rankMs: summarize(rankMs),
    top10,
    memoryMiB: { rss: round(m.rss / MiB, 1), heapUsed: round(m.heapUsed / MiB, 1), arrayBuffers: round(m.arrayBuffers / MiB, 1) },
  };
}

run(JSON.parse(process.argv[2]) as StoreJob)
  .then((r) => process.send!(r))
  .catch((error: unknown) => process.send!({ error: (error as Error).stack ?? String(error) }))
  .finally(() => closePools());
