import { fork } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readCorpus } from "@/lib/corpus/read";
import { getEmbedder } from "@/lib/embeddings";
import { chunkDocument, type ChunkSettings } from "@/lib/ingest/chunk";
import { ingest } from "@/lib/ingest/ingest";
import { documentUnits, unitEmbeddingText } from "@/lib/ingest/units";
import { timed, type Summary } from "./stats";
import { standInEmbedder, writeSyntheticCorpus } from "./synthetic";

export type IngestPlan = {
  /** Corpus multiples ingested with the model (1 = the real corpus). */
  modelTimes: number[];
  /** Corpus multiples ingested with the stand-in embedder. */
  standInTimes: number[];
  /** Chunk settings tried on the `chunkTimes` corpus with the stand-in embedder (besides the default). */
  chunkSettings: ChunkSettings[];
  chunkTimes: number;
  rounds: number;
};

/** One ingestion run, done in a child process. */
export type IngestJob = {
  label: string;
  corpusDir: string;
  dataDir: string;
  /** "model": the configured embedder (getEmbedder()); "stand-in": standInEmbedder in synthetic.ts. */
  embedder: "model" | "stand-in";
  settings?: ChunkSettings;
  /** Questions timed against the index the run wrote, `rounds` times each. */
  questions: string[];
  rounds: number;
};

export type IngestRun = {
  label: string;
  embedder: string;
  settings: { chunkSize: number; chunkOverlap: number };
  documents: number;
  chunks: number;
  sentences: number;
  corpusBytes: number;
  modelLoadMs: number;
  /** The whole ingest() call, model included. */
  ingestSeconds: number;
  /** Time inside embedder.embed during ingest(). */
  embedSeconds: number;
  sentencesPerSecond: number;
  /** Phases around the model, each run again on its own after ingest(); the HNSW build is most of what remains. */
  phasesMs: { read: number; chunk: number; split: number; lexicalBuild: number };
  indexBytes: number;
  rssBeforeMb: number;
  /** Peak resident memory of the process up to the end of ingest() (getrusage maxRSS). */
  peakRssMb: number;
  /** loadIndex(): reading and checking the files, loading HNSW. */
  loadMs: number;
  query: { denseMs: Summary; lexicalMs: Summary; hybridMs: Summary; answerMs: Summary };
};

/** Embedding time of a corpus not run with the model, from the model's measured sentences/s. */
type Extrapolation = { label: string; sentences: number; sentencesPerSecond: number; embedSeconds: number; totalSeconds: number };

export type IngestResult = { model: IngestRun[]; standIn: IngestRun[]; chunkSizes: IngestRun[]; extrapolated: Extrapolation[] };

const CHILD = fileURLToPath(new URL("./ingest-child.ts", import.meta.url));

/** Forks the child (with this process's tsx loader) and waits for its one message. */
async function runIngest(job: Omit<IngestJob, "dataDir">, timeoutMs = 20 * 60_000): Promise<IngestRun> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "bench-data-"));
  try {
    return await new Promise<IngestRun>((resolve, reject) => {
      const child = fork(CHILD, [JSON.stringify({ ...job, dataDir })], { execArgv: process.execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`ingest run "${job.label}" took over ${timeoutMs / 1000} s`));
      }, timeoutMs);
      child.once("message", (message: IngestRun | { error: string }) => {
        clearTimeout(timer);
        if ("error" in message) reject(new Error(`ingest run "${job.label}" failed: ${message.error}`));
        else resolve(message);
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`ingest run "${job.label}" exited with ${code}`));
      });
    });
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

const label = (times: number) => `${times}×`;

/** Ingestion of the real corpus and synthetic multiples of it, each in its own process. */
export async function benchIngest(corpusDir: string, questions: string[], plan: IngestPlan, log: (s: string) => void): Promise<IngestResult> {
  const sizes = [...new Set([...plan.modelTimes, ...plan.standInTimes, plan.chunkTimes])].sort((a, b) => a - b);
  const corpora = new Map<number, string>();
  const model: IngestRun[] = [];
  const standIn: IngestRun[] = [];
  const chunkSizes: IngestRun[] = [];
  const run = async (times: number, embedder: IngestJob["embedder"], settings?: ChunkSettings) => {
    const r = await runIngest({ label: label(times), corpusDir: corpora.get(times)!, embedder, settings, questions, rounds: plan.rounds });
    log(`  ${r.label} ${r.embedder} ${r.settings.chunkSize}/${r.settings.chunkOverlap}: ${r.documents} documents, ${r.chunks} chunks, ${r.sentences} sentences in ${r.ingestSeconds.toFixed(1)} s (embedding ${r.embedSeconds.toFixed(1)} s), peak ${r.peakRssMb.toFixed(0)} MB`);
    return r;
  };
  try {
    for (const times of sizes) corpora.set(times, times === 1 ? corpusDir : (await writeSyntheticCorpus(corpusDir, times)).dir);
    for (const times of plan.modelTimes) model.push(await run(times, "model"));
    for (const times of plan.standInTimes) standIn.push(await run(times, "stand-in"));
    for (const settings of plan.chunkSettings) chunkSizes.push(await run(plan.chunkTimes, "stand-in", settings));
  } finally {
    for (const [times, dir] of corpora) if (times !== 1) await fs.rm(dir, { recursive: true, force: true });
  }
  const base = standIn.find((r) => r.label === label(plan.chunkTimes));
  if (base && chunkSizes.length) chunkSizes.push(base);
  chunkSizes.sort((a, b) => a.settings.chunkSize - b.settings.chunkSize);
  return { model, standIn, chunkSizes, extrapolated: extrapolate(model, standIn) };
}

/** For stand-in corpora the model did not embed: their embedding time at the model's best-measured rate. */
function extrapolate(model: IngestRun[], standIn: IngestRun[]): Extrapolation[] {
  const measured = [...model].sort((a, b) => b.sentences - a.sentences)[0];
  if (!measured) return [];
  return standIn
    .filter((r) => !model.some((m) => m.label === r.label))
    .map((r) => {
      const embedSeconds = r.sentences / measured.sentencesPerSecond;
      return { label: r.label, sentences: r.sentences, sentencesPerSecond: measured.sentencesPerSecond, embedSeconds, totalSeconds: embedSeconds + r.ingestSeconds - r.embedSeconds };
    });
}

/** Single files of one awkward shape, made from the real corpus' words (issue 11: these used to be super-linear). */
export const PATHOLOGICAL_SHAPES = {
  "one line": (words: string[]) => words.join(" "),
  "no spaces": (words: string[]) => words.join(""),
  // Numbered rows ending in a comma (a table flattened to text): no line ends a sentence, none continues in lower case.
  "rows that run on": (words: string[]) => words.map((w, i) => (i % 2 === 0 ? `${i}, ${w}` : ` ${w},\n`)).join(""),
} as const;

export type PathologicalShape = keyof typeof PATHOLOGICAL_SHAPES;

export type PathologicalRun = {
  shape: PathologicalShape;
  bytes: number;
  sentences: number;
  chunks: number;
  splitMs: number;
  chunkMs: number;
  /** ingest() with the stand-in embedder: everything but the model. */
  standInSeconds: number;
  /** The model's time per sentence of this shape (a sample embedded), and so for the whole file. */
  modelMsPerSentence: number;
  modelSecondsEstimate: number;
};

/** A text of about `bytes` characters of one shape, the corpus' words repeated. */
export async function pathologicalText(corpusDir: string, shape: PathologicalShape, bytes: number): Promise<string> {
  const { documents } = await readCorpus(corpusDir);
  const words = documents.flatMap((d) => d.text.split(/\s+/).filter(Boolean));
  const make = PATHOLOGICAL_SHAPES[shape];
  const perCopy = make(words).length;
  return make(Array.from({ length: Math.ceil(bytes / perCopy) + 1 }, () => words).flat()).slice(0, bytes);
}

/**
 * Each shape at each size, in this process: splitting and chunking timed on their own, a whole
 * ingest with the stand-in embedder, and the model's cost per sentence measured on a sample (a
 * whole 1 MB file would take minutes of model time).
 */
export async function benchPathological(corpusDir: string, sizes: number[], log: (s: string) => void): Promise<PathologicalRun[]> {
  const model = await getEmbedder();
  const runs: PathologicalRun[] = [];
  for (const shape of Object.keys(PATHOLOGICAL_SHAPES) as PathologicalShape[]) {
    for (const bytes of sizes) {
      const text = await pathologicalText(corpusDir, shape, bytes);
      const { value: units, ms: splitMs } = await timed(() => documentUnits("big", text));
      const { value: chunks, ms: chunkMs } = await timed(() => chunkDocument("big", text));
      const root = await fs.mkdtemp(path.join(os.tmpdir(), "bench-pathological-"));
      try {
        await fs.mkdir(path.join(root, "corpus"));
        await fs.writeFile(path.join(root, "corpus", "big.txt"), text);
        const { ms: ingestMs } = await timed(() => ingest({ corpusDir: path.join(root, "corpus"), dataDir: path.join(root, "data"), embedder: standInEmbedder() }));
        const sample = units.slice(0, 48).map((u) => unitEmbeddingText(text, u));
        const { ms: modelMs } = await timed(() => model.embed(sample));
        const run: PathologicalRun = {
          shape,
          bytes,
          sentences: units.length,
          chunks: chunks.length,
          splitMs,
          chunkMs,
          standInSeconds: ingestMs / 1000,
          modelMsPerSentence: modelMs / sample.length,
          modelSecondsEstimate: ((modelMs / sample.length) * units.length) / 1000,
        };
        log(`  ${shape}, ${(bytes / 1048576).toFixed(2)} MB: ${run.sentences} sentences, split ${splitMs.toFixed(0)} ms, chunk ${chunkMs.toFixed(0)} ms, ingest without the model ${run.standInSeconds.toFixed(1)} s, model ≈ ${run.modelSecondsEstimate.toFixed(0)} s`);
        runs.push(run);
      } finally {
        await fs.rm(root, { recursive: true, force: true });
      }
    }
  }
  return runs;
}
