import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { getEngine } from "@/lib/engine/engine";
import { toAppError } from "@/lib/errors";
import { examineLabelled, fitThresholds, readClaims, CLAIMS_FILE } from "@/lib/eval/claims";
import { collectExamples, fitModel } from "@/lib/eval/fit";
import { readQuestions } from "@/lib/eval/questions";

/** Where the fitted weights live: versioned with the code that reads them. */
const WEIGHTS_FILE = path.join("lib", "answer", "ranking", "weights.json");
const CHECK_WEIGHTS_FILE = path.join("lib", "check", "weights.json");

const TRAIN = "../shared/eval/train.jsonl";

/** Citation checking's thresholds, fitted on the labelled claims with the answer model as it now stands. */
async function fitClaims(): Promise<void> {
  const claims = await readClaims(CLAIMS_FILE);
  const examined = await examineLabelled(await getEngine(), claims);
  const weights = fitThresholds(examined, `${path.basename(CLAIMS_FILE)} (${claims.length} claims)`);
  await fs.writeFile(CHECK_WEIGHTS_FILE, `${JSON.stringify(weights, null, 2)}\n`);
  console.log(`Fitted citation checking on ${claims.length} claims of ${CLAIMS_FILE}; wrote ${CHECK_WEIGHTS_FILE}. Figures: npm run eval -- --claims.`);
}

async function main(): Promise<void> {
  if (process.argv.includes("--claims")) return fitClaims();
  const file = process.argv[process.argv.indexOf("--file") + 1] && process.argv.includes("--file") ? process.argv[process.argv.indexOf("--file") + 1] : TRAIN;
  const questions = await readQuestions(file);
  const engine = await getEngine();
  const examples = await collectExamples(engine, questions);
  const model = fitModel(examples, `${path.basename(file)} (${questions.length} questions)`);
  await fs.writeFile(WEIGHTS_FILE, `${JSON.stringify(model, null, 2)}\n`);
  console.log(`Fitted on ${questions.length} questions of ${file}; wrote ${WEIGHTS_FILE}.`);
  console.log("Cross-validated figures: npm run eval (train, 5 folds, beside dev).");
  // Checking judges claims with the ranker just fitted, so its thresholds follow, in a process of
  // its own: this one imported the weights file before rewriting it.
  execFileSync(process.execPath, [...process.execArgv, process.argv[1], "--claims"], { stdio: "inherit" });
}

main().catch((error: unknown) => {
  console.error(toAppError(error).message);
  process.exitCode = 2;
});
