// Runs in its own process (forked by scripts/bench/ingest.ts) so that its peak memory is its own.
// Ingests a corpus into a scratch data folder, times the phases around the model, then times
// queries against the index it wrote. Writes nothing outside the folders it is given.
import fs from "node:fs/promises";
import path from "node:path";
import { getEmbedder, type Embedder } from "@/lib/embeddings";
import { ask } from "@/lib/engine/ask";
import { readCorpus } from "@/lib/corpus/read";
import { currentIndexDir, loadIndex, readIndexData } from "@/lib/index/disk";
import { buildLexical } from "@/lib/index/store";
import { chunkDocument } from "@/lib/ingest/chunk";
import { ingest } from "@/lib/ingest/ingest";
import { documentUnits } from "@/lib/ingest/units";
import { QueryEmbeddingCache } from "@/lib/retrieval/query-cache";
import type { IngestJob, IngestRun } from "./ingest";
import { retrievalTimings } from "./query";
import { repeated, sample, summarize, timed } from "./stats";
import { standInEmbedder } from "./synthetic";

const MB = 1024 * 1024;
const peakRssMb = () => (process.resourceUsage().maxRSS * 1024) / MB;

/** An embedder that counts the texts it embedded and the milliseconds it spent. */
function timedEmbedder(inner: Embedder): Embedder & { ms: number; texts: number } {
  const counted = {
    id: inner.id,
    dimensions: inner.dimensions,
    ms: 0,
    texts: 0,
    async embed(texts: string[]): Promise<Float32Array[]> {
      const started = performance.now();
      try {
        return await inner.embed(texts);
      } finally {
        counted.ms += performance.now() - started;
        counted.texts += texts.length;
      }
    },
  };
  return counted;
}

async function folderBytes(dir: string): Promise<number> {
  const real = await fs.realpath(dir);
  const sizes = await Promise.all((await fs.readdir(real)).map(async (f) => (await fs.stat(path.join(real, f))).size));
  return sizes.reduce((a, b) => a + b, 0);
}

async function run(job: IngestJob): Promise<IngestRun> {
  const load = await timed(() => (job.embedder === "model" ? getEmbedder() : standInEmbedder()));
  const embedder = timedEmbedder(load.value);
  const rssBefore = process.memoryUsage().rss / MB;
  const { value: summary, ms: ingestMs } = await timed(() => ingest({ corpusDir: job.corpusDir, dataDir: job.dataDir, embedder, settings: job.settings }));
  const peakMb = peakRssMb();
  const embedMs = embedder.ms;
  const embedded = embedder.texts;

  // The cheap phases around the model, each timed again on its own (the HNSW build is most of the rest).
  const { value: corpus, ms: readMs } = await timed(() => readCorpus(job.corpusDir));
  const { ms: chunkMs } = await timed(() => Promise.all(corpus.documents.map((d) => chunkDocument(d.docId, d.text, job.settings))));
  const { ms: splitMs } = await timed(() => corpus.documents.map((d) => documentUnits(d.docId, d.text)));
  const data = await readIndexData(job.dataDir);
  const { ms: lexicalBuildMs } = await timed(() => buildLexical(data));
  const indexBytes = await folderBytes(currentIndexDir(job.dataDir));

  const { value: store, ms: loadMs } = await timed(() => loadIndex(job.dataDir, embedder.id));
  const vectors = await embedder.embed(job.questions);
  const retrieval = await retrievalTimings(store, job.questions, vectors, job.rounds);
  const engine = { store, embedder, queries: new QueryEmbeddingCache(embedder) };
  await ask({ question: job.questions[0] }, engine, { llm: null }); // first answer builds per-index caches
  const answerMs = await sample(repeated(job.questions, job.rounds), (question) => ask({ question }, engine, { llm: null }));

  return {
    label: job.label,
    embedder: embedder.id,
    settings: data.manifest.chunking,
    documents: summary.documents,
    chunks: summary.chunks,
    sentences: summary.units,
    corpusBytes: corpus.documents.reduce((n, d) => n + Buffer.byteLength(d.text), 0),
    modelLoadMs: load.ms,
    ingestSeconds: ingestMs / 1000,
    embedSeconds: embedMs / 1000,
    sentencesPerSecond: embedMs > 0 ? embedded / (embedMs / 1000) : 0,
    phasesMs: { read: readMs, chunk: chunkMs, split: splitMs, lexicalBuild: lexicalBuildMs },
    indexBytes,
    rssBeforeMb: rssBefore,
    peakRssMb: peakMb,
    loadMs,
    query: { ...retrieval, answerMs: summarize(answerMs) },
  };
}

const job = JSON.parse(process.argv[2]) as IngestJob;
run(job).then(
  (result) => process.send!(result, () => process.exit(0)),
  (error: unknown) => process.send!({ error: (error as Error).stack ?? String(error) }, () => process.exit(1)),
);
