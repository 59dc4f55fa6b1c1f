import { fork } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ChunkSettings } from "@/lib/ingest/chunk";
import type { Summary } from "./stats";

/** One ingestion run, done in a child process. */
export type IngestJob = {
  label: string;
  corpusDir: string;
  dataDir: string;
  /** "model": the configured embedder (getEmbedder()); "stand-in": lib/bench/embedders.ts. */
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

const CHILD = fileURLToPath(new URL("./ingest-child.ts", import.meta.url));

/** Forks the child (with this process's tsx loader) and waits for its one message. */
export async function runIngest(job: Omit<IngestJob, "dataDir">, timeoutMs = 20 * 60_000): Promise<IngestRun> {
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
