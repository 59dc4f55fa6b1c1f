import { getEngine } from "@/lib/engine/engine";
import { AppError, toAppError } from "@/lib/errors";
import { readQuestions } from "@/lib/eval/questions";
import { compareRetrievers, type RetrieverRecall } from "@/lib/eval/retrievers";
import { runEval, type EvalMetrics, type QuestionResult } from "@/lib/eval/run";

const USAGE = "Usage: npm run eval -- [--file F.jsonl] [--min-accuracy 0.85] [--min-support 0.9]";

type Args = { file: string; minAccuracy?: number; minSupport?: number };

function parseArgs(argv: string[]): Args {
  const args: Args = { file: "../shared/eval/dev.jsonl" };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new AppError("bad_request", `${argv[i - 1]} needs a value.\n${USAGE}`);
      return v;
    };
    const number = (name: string) => {
      const n = Number(value());
      if (!(n >= 0 && n <= 1)) throw new AppError("bad_request", `${name} takes a number from 0 to 1.`);
      return n;
    };
    if (argv[i] === "--file") args.file = value();
    else if (argv[i] === "--min-accuracy") args.minAccuracy = number("--min-accuracy");
    else if (argv[i] === "--min-support") args.minSupport = number("--min-support");
    else throw new AppError("bad_request", `Unknown argument ${argv[i]}.\n${USAGE}`);
  }
  return args;
}

const pct = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(1)}%`);

function printReport(metrics: EvalMetrics, retrievers: RetrieverRecall[], failures: QuestionResult[]): void {
  console.log(`\nQuestions: ${metrics.questions} (${metrics.inScope} in scope)`);
  console.table({
    "answer accuracy": pct(metrics.accuracy),
    "cited support": pct(metrics.citedSupport),
    "out-of-scope refused": pct(metrics.oosRefusal),
    "invalid markers": metrics.invalidMarkers,
    "invalid offsets": metrics.invalidOffsets,
    "latency p50 / p95 (ms)": `${metrics.latencyMs.p50} / ${metrics.latencyMs.p95}`,
  });
  console.log("Retrieval (in-scope questions):");
  console.table(Object.fromEntries(retrievers.map((r) => [r.retriever, { ...Object.fromEntries(Object.entries(r.recall).map(([k, v]) => [`recall${k}`, v.toFixed(2)])), MRR: r.mrr.toFixed(2) }])));
  console.log("By kind:");
  console.table(Object.fromEntries(Object.entries(metrics.byKind).map(([kind, v]) => [kind, { ...v, accuracy: pct(v.correct / v.questions) }])));
  if (failures.length) console.log("Failures:");
  for (const f of failures) {
    console.log(`- ${f.question.id} (${f.question.kind}) ${f.question.q}`);
    if (f.missing.length) console.log(`    missing: ${f.missing.join(", ")}`);
    if (!f.supported) console.log("    no cited passage holds the support text");
    for (const p of [...f.problems.markers, ...f.problems.offsets]) console.log(`    ${p}`);
    console.log(`    answer: ${f.response.answer.slice(0, 240)}`);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const questions = await readQuestions(args.file);
  const engine = await getEngine();
  const { results, metrics } = await runEval(engine, questions);
  const retrievers = await compareRetrievers(engine, questions);
  const failures = results.filter((r) => !r.correct || !r.supported || r.problems.markers.length || r.problems.offsets.length);
  printReport(metrics, retrievers, failures);
  const hybrid = retrievers.find((r) => r.retriever === "hybrid")!;
  console.log(JSON.stringify({ file: args.file, ...metrics, recall: hybrid.recall, mrr: hybrid.mrr, retrievers }));
  const gates: string[] = [];
  if (args.minAccuracy !== undefined && metrics.accuracy < args.minAccuracy) gates.push(`accuracy ${pct(metrics.accuracy)} < ${pct(args.minAccuracy)}`);
  if (args.minSupport !== undefined && metrics.citedSupport < args.minSupport) gates.push(`cited support ${pct(metrics.citedSupport)} < ${pct(args.minSupport)}`);
  if (gates.length) {
    console.error(`Gate failed: ${gates.join("; ")}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(toAppError(error).message);
  process.exitCode = 2;
});
