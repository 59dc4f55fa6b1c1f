import fs from "node:fs/promises";
import type { ChunkSettings } from "@/lib/ingest/chunk";
import { runIngest, type IngestJob, type IngestRun } from "./ingest";
import type { BenchResults, Extrapolation } from "./report";
import { writeSyntheticCorpus } from "./synthetic";

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

const label = (times: number) => `${times}×`;

/** Ingestion of the real corpus and synthetic multiples of it, each in its own process. */
export async function benchIngest(corpusDir: string, questions: string[], plan: IngestPlan, log: (s: string) => void): Promise<NonNullable<BenchResults["ingest"]>> {
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

