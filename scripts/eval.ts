import fs from "node:fs/promises";
import path from "node:path";
import { getEngine as engineOf } from "@/lib/engine/engine";
import { parseEnv } from "@/lib/env";
import { configuredSource } from "@/lib/index/source";
import { renderHtmlReport } from "@/lib/eval/html-report";
import { checkWeights, decide } from "@/lib/check/verdict";
import { AppError, toAppError } from "@/lib/errors";
import { CLAIMS_FILE, crossValidated, examineLabelled, measure, readClaims, type ClaimMetrics } from "@/lib/eval/claims";
import { collectExamples, CV_PARTITIONS, repeatedCrossValidation } from "@/lib/eval/fit";
import { readQuestions } from "@/lib/eval/questions";
import { compareRetrievers, type RetrieverRecall } from "@/lib/eval/retrievers";
import { runEval, type EvalMetrics, type QuestionResult } from "@/lib/eval/run";

const USAGE = `Usage: npm run eval -- [--file F.jsonl [--cv K]] [--store files|postgres] [--min-accuracy 0.85] [--min-support 0.9] [--verbose] [--html [out.html]]
       npm run eval -- --claims [F.jsonl] [--verbose]
Without --file: dev.jsonl with the fitted weights beside train.jsonl cross-validated (5 folds, in ${CV_PARTITIONS} partitions: figures are their means).
--store: the index store to read (default INDEX_STORE; postgres needs DATABASE_URL).
--claims: citation checking on labelled claims (default ${CLAIMS_FILE}), fitted thresholds beside 5-fold CV.`;

const DEV = "../shared/eval/dev.jsonl";
const TRAIN = "../shared/eval/train.jsonl";
const FOLDS = 5;

type Run = { file: string; folds: number };
type Args = { runs: Run[]; store?: string; minAccuracy?: number; minSupport?: number; verbose: boolean; html?: string; claims?: string };

const HTML_DEFAULT = "eval-report.html";

function parseArgs(argv: string[]): Args {
  const args: Args = { runs: [], verbose: false };
  let cv = 0;
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new AppError("bad_request", `${argv[i - 1]} needs a value.\n${USAGE}`);
      return v;
    };
    const share = (name: string) => {
      const n = Number(value());
      if (!(n >= 0 && n <= 1)) throw new AppError("bad_request", `${name} takes a number from 0 to 1.`);
      return n;
    };
    if (argv[i] === "--file") args.runs.push({ file: value(), folds: 0 });
    else if (argv[i] === "--cv") cv = Number(value());
    else if (argv[i] === "--store") args.store = value();
    else if (argv[i] === "--min-accuracy") args.minAccuracy = share("--min-accuracy");
    else if (argv[i] === "--min-support") args.minSupport = share("--min-support");
    else if (argv[i] === "--verbose") args.verbose = true;
    else if (argv[i] === "--claims") args.claims = argv[i + 1] && !argv[i + 1].startsWith("--") ? argv[++i] : CLAIMS_FILE;
    else if (argv[i] === "--html") args.html = argv[i + 1] && !argv[i + 1].startsWith("--") ? argv[++i] : HTML_DEFAULT;
    else throw new AppError("bad_request", `Unknown argument ${argv[i]}.\n${USAGE}`);
  }
  if (!Number.isInteger(cv) || cv < 0 || cv === 1) throw new AppError("bad_request", "--cv takes a whole number of folds, 2 or more.");
  if (!args.runs.length) args.runs = [{ file: DEV, folds: 0 }, { file: TRAIN, folds: FOLDS }];
  else args.runs.forEach((r) => (r.folds = cv));
  return args;
}

const pct = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(1)}%`);

/** `failures`: each question missed at least once; `timesMissed`: in how many of the runs (one per cross-validation partition). */
type Report = { label: string; metrics: EvalMetrics; retrievers: RetrieverRecall[]; failures: QuestionResult[]; timesMissed: Map<string, number>; runs: number };

function printReports(reports: Report[], verbose: boolean): void {
  const side = (f: (r: Report) => string | number) => Object.fromEntries(reports.map((r) => [r.label, f(r)]));
  console.table({
    questions: side((r) => `${r.metrics.questions} (${r.metrics.inScope} in scope)`),
    "answer accuracy": side((r) => pct(r.metrics.accuracy)),
    "cited support": side((r) => pct(r.metrics.citedSupport)),
    "recall@6": side((r) => r.metrics.recall["@6"].toFixed(2)),
    "out-of-scope refused": side((r) => pct(r.metrics.oosRefusal)),
    "wrongly refused": side((r) => pct(r.metrics.wronglyRefused)),
    "invalid markers / offsets": side((r) => `${r.metrics.invalidMarkers} / ${r.metrics.invalidOffsets}`),
    "latency p50 / p95 (ms)": side((r) => `${r.metrics.latencyMs.p50} / ${r.metrics.latencyMs.p95}`),
  });
  const kinds = [...new Set(reports.flatMap((r) => Object.keys(r.metrics.byKind)))];
  console.log("Accuracy by kind:");
  console.table(Object.fromEntries(kinds.map((k) => [k, side((r) => (r.metrics.byKind[k] ? `${r.metrics.byKind[k].correct}/${r.metrics.byKind[k].questions}` : ""))])));
  for (const r of reports) {
    console.log(`Retrieval, ${r.label} (in-scope questions):`);
    console.table(Object.fromEntries(r.retrievers.map((x) => [x.retriever, { ...Object.fromEntries(Object.entries(x.recall).map(([k, v]) => [`recall${k}`, v.toFixed(2)])), MRR: x.mrr.toFixed(2) }])));
    if (!verbose) continue;
    for (const f of r.failures) {
      const times = r.runs > 1 ? `, missed in ${r.timesMissed.get(f.question.id)} of ${r.runs} partitions` : "";
      console.log(`- ${f.question.id} (${f.question.kind}${times}) ${f.question.q}`);
      if (f.missing.length) console.log(`    missing: ${f.missing.join(", ")}`);
      if (!f.supported) console.log("    no cited passage holds the support text");
      for (const p of [...f.problems.markers, ...f.problems.offsets]) console.log(`    ${p}`);
      console.log(`    answer: ${f.response.answer.slice(0, 240)}`);
    }
  }
}

async function evaluate(run: Run): Promise<Report> {
  const questions = await readQuestions(run.file);
  const engine = await getEngine();
  const runs = run.folds ? repeatedCrossValidation(await collectExamples(engine, questions), run.folds) : questions.map((question) => ({ question, model: undefined }));
  const asked = runs.map((r) => r.question);
  const models = run.folds ? runs.map((r) => r.model!) : undefined;
  const { results, metrics } = await runEval(engine, asked, models);
  const retrievers = await compareRetrievers(engine, asked, models);
  const missed = results.filter((r) => !r.correct || !r.supported || r.problems.markers.length || r.problems.offsets.length);
  const timesMissed = new Map<string, number>();
  for (const r of missed) timesMissed.set(r.question.id, (timesMissed.get(r.question.id) ?? 0) + 1);
  const failures = missed.filter((r, i) => missed.findIndex((o) => o.question.id === r.question.id) === i);
  const name = run.file.split("/").pop()!.replace(/\.jsonl$/, "");
  const label = run.folds ? `${name} (${run.folds}-fold CV ×${CV_PARTITIONS})` : name;
  return { label, metrics, retrievers, failures, timesMissed, runs: run.folds ? CV_PARTITIONS : 1 };
}

const ratioText = (x: number | null) => (x === null ? "n/a" : x.toFixed(2));

async function evaluateClaims(file: string, verbose: boolean): Promise<void> {
  const engine = await getEngine();
  const examined = await examineLabelled(engine, await readClaims(file));
  const sides = { fitted: measure(examined, checkWeights()), [`${FOLDS}-fold CV`]: crossValidated(examined, FOLDS) };
  const side = (f: (m: ClaimMetrics) => string) => Object.fromEntries(Object.entries(sides).map(([k, m]) => [k, f(m)]));
  console.log(`Citation checking, ${examined.length} labelled claims of ${file} (thresholds ${JSON.stringify(checkWeights())}):`);
  console.table(
    Object.fromEntries(
      (["supported", "contradicted", "not_found"] as const).flatMap((v) => [
        [`${v} precision`, side((m) => ratioText(m.perVerdict[v].precision))],
        [`${v} recall`, side((m) => ratioText(m.perVerdict[v].recall))],
      ]),
    ),
  );
  console.log("Recall by kind (contradicted: by the change that made them):");
  const keys = Object.keys(sides.fitted.recallBy).sort();
  console.table(Object.fromEntries(keys.map((k) => [k, side((m) => `${m.recallBy[k].correct}/${m.recallBy[k].n}`)])));
  if (verbose) {
    for (const e of examined) {
      const got = decide(e.signals, checkWeights()).verdict;
      if (got !== e.claim.verdict) console.log(`- ${e.claim.id} ${e.claim.verdict} → ${got} (score ${e.signals.score}) ${e.claim.text}`);
    }
  }
  console.log(JSON.stringify({ set: file, ...sides }));
}

/** The engine of the store --store names (INDEX_STORE otherwise). */
let store: string | undefined;
const getEngine = () => engineOf(configuredSource(parseEnv({ ...process.env, ...(store ? { INDEX_STORE: store } : {}) })));

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  store = args.store;
  if (args.claims) return evaluateClaims(args.claims, args.verbose);
  const reports: Report[] = [];
  for (const run of args.runs) reports.push(await evaluate(run));
  printReports(reports, args.verbose);
  for (const r of reports) console.log(JSON.stringify({ set: r.label, ...r.metrics, retrievers: r.retrievers }));
  if (args.html) {
    await fs.writeFile(args.html, renderHtmlReport(reports));
    console.log(`Report written to ${path.resolve(args.html)}`);
  }
  const gates = reports.flatMap((r) => [
    ...(args.minAccuracy !== undefined && r.metrics.accuracy < args.minAccuracy ? [`${r.label}: accuracy ${pct(r.metrics.accuracy)} < ${pct(args.minAccuracy)}`] : []),
    ...(args.minSupport !== undefined && r.metrics.citedSupport < args.minSupport ? [`${r.label}: cited support ${pct(r.metrics.citedSupport)} < ${pct(args.minSupport)}`] : []),
  ]);
  if (gates.length) {
    console.error(`Gate failed: ${gates.join("; ")}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(toAppError(error).message);
  process.exitCode = 2;
});
