// `npm run bench`: ingestion, query, HNSW-vs-exact and HTTP figures; writes bench/results/latest.{json,md}.
// The committed baseline, and how to read and reproduce it, is docs/benchmarks.md.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { getEngine } from "@/lib/engine/engine";
import { corpusDir, dataDir } from "@/lib/env";
import { readIndexData } from "@/lib/index/disk";
import { AppError } from "@/lib/errors";
import { readQuestions } from "@/lib/eval/questions";
import { HNSW_PARAMS } from "@/lib/index/format";
import { DEFAULT_CHUNK_SETTINGS } from "@/lib/ingest/chunk";
import { DENSE_CANDIDATES } from "@/lib/retrieval/search";
import { benchCheck } from "./bench/check";
import { benchHttp, ensureBuild } from "./bench/http";
import { benchIngest, benchPathological, type IngestPlan } from "./bench/ingest";
import { benchQueries } from "./bench/query";
import { renderMarkdown, type BenchResults } from "./bench/report";
import { machine } from "./bench/stats";
import { benchStores, type StorePlan } from "./bench/stores";
import { benchHnsw, type HnswPlan } from "./bench/vectors";

const USAGE = `Usage: npm run bench -- [--quick] [--skip-ingest] [--skip-pathological] [--skip-query] [--skip-check] [--skip-hnsw] [--skip-stores] [--skip-http] [--no-model-10x] [--no-100k] [--sweep-100k] [--store-sizes N,N] [--file F.jsonl] [--out DIR]
  --quick         a few minutes: the 10× corpus with the stand-in embedder only, HNSW up to 10k, shorter HTTP levels
  --no-model-10x  do not embed the 10× corpus with the model (its embedding time is extrapolated)
  --no-100k       HNSW and the index stores up to 10k vectors only
  --skip-stores   no files-vs-Postgres comparison (it uses DATABASE_URL when set, else PGlite in the bench process)
  --store-sizes   the sentence counts of that comparison (default 10000,100000; 10000 with --quick or --no-100k)
  --sweep-100k    every HNSW parameter set at 100k vectors too (about 10 more minutes)`;

const FLAGS = ["--quick", "--skip-ingest", "--skip-pathological", "--skip-query", "--skip-check", "--skip-hnsw", "--skip-stores", "--skip-http", "--no-model-10x", "--no-100k", "--sweep-100k"] as const;
type Args = { flags: Set<string>; file: string; out: string; storeSizes?: number[] };

function parseArgs(argv: string[]): Args {
  const args: Args = { flags: new Set(), file: "../shared/eval/dev.jsonl", out: "bench/results" };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--file" || argv[i] === "--out") {
      const v = argv[++i];
      if (!v) throw new AppError("bad_request", `${argv[i - 1]} needs a value.\n${USAGE}`);
      args[argv[i - 1] === "--file" ? "file" : "out"] = v;
    } else if (argv[i] === "--store-sizes") {
      const sizes = (argv[++i] ?? "").split(",").map(Number);
      if (!sizes.every((n) => Number.isInteger(n) && n > 0)) throw new AppError("bad_request", `--store-sizes needs sentence counts, e.g. 10000,30000.\n${USAGE}`);
      args.storeSizes = sizes;
    } else if ((FLAGS as readonly string[]).includes(argv[i])) args.flags.add(argv[i]);
    else throw new AppError("bad_request", `Unknown argument ${argv[i]}.\n${USAGE}`);
  }
  return args;
}

function plans(flags: Set<string>, storeSizes?: number[]) {
  const quick = flags.has("--quick");
  const ingest: IngestPlan = {
    modelTimes: quick || flags.has("--no-model-10x") ? [1] : [1, 10],
    standInTimes: [1, 10, 100],
    chunkSettings: quick ? [] : [{ chunkSize: 300, chunkOverlap: 50 }, { chunkSize: 1200, chunkOverlap: 200 }],
    chunkTimes: 10,
    rounds: quick ? 1 : 3,
  };
  const sweep: [number, number][] = [[8, 100], [16, 100], [16, 200], [32, 200]];
  const efSearch = [16, 32, 64, 128, 256];
  const hnsw: HnswPlan = {
    sizes: [
      { size: 1_000, builds: sweep, efSearch, queries: 200 },
      { size: 10_000, builds: quick ? [[HNSW_PARAMS.m, HNSW_PARAMS.efConstruction]] : sweep, efSearch, queries: 200 },
      ...(quick || flags.has("--no-100k") ? [] : [{ size: 100_000, builds: flags.has("--sweep-100k") ? sweep : [[HNSW_PARAMS.m, HNSW_PARAMS.efConstruction] as [number, number]], efSearch: [32, 64, 128, 256], queries: 100 }]),
    ],
    appK: DENSE_CANDIDATES,
    appSizes: [1_000, 10_000, 100_000],
    appEfSearch: [HNSW_PARAMS.efSearch, 2 * HNSW_PARAMS.efSearch],
    randomSize: quick ? 0 : 10_000,
  };
  const http = {
    concurrencies: [1, 4, 16],
    limits: quick ? { requests: 24, seconds: 8 } : { requests: 64, seconds: 15 },
    stall: { docId: "wikipedia-nato", clients: 4, samples: quick ? 40 : 100 },
  };
  const pathologicalSizes = quick ? [256 * 1024, 512 * 1024] : [256 * 1024, 1024 * 1024];
  const stores: StorePlan = { sizes: storeSizes ?? (quick || flags.has("--no-100k") ? [10_000] : [10_000, 100_000]), queries: 100, bulkFrom: 100_000 };
  return { ingest, pathologicalSizes, hnsw, stores, http, rounds: quick ? 2 : 5 };
}

async function main(): Promise<void> {
  const started = performance.now();
  const args = parseArgs(process.argv.slice(2));
  const plan = plans(args.flags, args.storeSizes);
  const questions = (await readQuestions(args.file)).map((q) => q.q);
  const log = (s: string) => console.log(s);
  const results: BenchResults = {
    machine: machine(),
    settings: { hnsw: { ...HNSW_PARAMS }, chunking: DEFAULT_CHUNK_SETTINGS, flags: [...args.flags] },
  };
  const save = async () => {
    results.machine.loadEnd = os.loadavg()[0];
    results.seconds = (performance.now() - started) / 1000;
    await fs.mkdir(args.out, { recursive: true });
    await fs.writeFile(path.join(args.out, "latest.json"), JSON.stringify(results, null, 2) + "\n");
    await fs.writeFile(path.join(args.out, "latest.md"), renderMarkdown(results));
  };
  log(`Load average ${os.loadavg().map((x) => x.toFixed(2)).join(" ")} on ${os.cpus().length} cores.`);

  if (!args.flags.has("--skip-ingest")) {
    log("Ingestion (each run in its own process, into a temporary folder)…");
    results.ingest = await benchIngest(corpusDir(), questions, plan.ingest, log);
    await save();
  }
  if (!args.flags.has("--skip-pathological")) {
    log("Pathological files (one line, no spaces, rows that run on)…");
    results.pathological = await benchPathological(corpusDir(), plan.pathologicalSizes, log);
    await save();
  }
  if (!args.flags.has("--skip-query") || !args.flags.has("--skip-check") || !args.flags.has("--skip-hnsw")) {
    const engine = await getEngine(); // the live index under data/
    const data = await readIndexData(dataDir());
    if (!args.flags.has("--skip-query")) {
      log("Query costs on the live index…");
      results.query = await benchQueries(engine, data, questions, plan.rounds);
      await save();
    }
    if (!args.flags.has("--skip-check")) {
      log("Citation checking of 2,000-character texts…");
      results.check = await benchCheck(engine, log);
      await save();
    }
    if (!args.flags.has("--skip-hnsw")) {
      log("HNSW against exact cosine…");
      results.hnsw = benchHnsw(data.vectors, plan.hnsw, HNSW_PARAMS, log);
      await save();
    }
  }
  if (!args.flags.has("--skip-stores")) {
    log("Index stores side by side (files and Postgres, synthetic vectors)…");
    results.stores = await benchStores(await readIndexData(dataDir()), questions, plan.stores, log);
    await save();
  }
  if (!args.flags.has("--skip-http")) {
    log("HTTP against the production server…");
    try {
      ensureBuild(log);
      results.http = await benchHttp(questions, plan.http.concurrencies, plan.http.limits, plan.http.stall, log);
    } catch (error) {
      results.http = { skipped: (error as Error).message.split("\n")[0] };
      process.exitCode = 1;
    }
  }
  await save();
  const errors = results.http && "levels" in results.http ? results.http.levels.reduce((n, l) => n + l.errors, 0) + (results.http.stall?.verify.errors ?? 0) : 0;
  log(`\nWrote ${path.join(args.out, "latest.json")} and latest.md in ${((performance.now() - started) / 60000).toFixed(1)} min.`);
  if (errors) {
    console.error(`${errors} HTTP requests failed.`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError ? error.message : error);
  process.exitCode = 2;
});
