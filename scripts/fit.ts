import fs from "node:fs/promises";
import path from "node:path";
import { getEngine } from "@/lib/engine/engine";
import { toAppError } from "@/lib/errors";
import { collectExamples, fitModel } from "@/lib/eval/fit";
import { readQuestions } from "@/lib/eval/questions";

/** Where the fitted weights live: versioned with the code that reads them. */
const WEIGHTS_FILE = path.join("lib", "answer", "ranking", "weights.json");

const TRAIN = "../shared/eval/train.jsonl";

async function main(): Promise<void> {
  const file = process.argv[process.argv.indexOf("--file") + 1] && process.argv.includes("--file") ? process.argv[process.argv.indexOf("--file") + 1] : TRAIN;
  const questions = await readQuestions(file);
  const engine = await getEngine();
  const examples = await collectExamples(engine, questions);
  const model = fitModel(engine, examples, `${path.basename(file)} (${questions.length} questions)`);
  await fs.writeFile(WEIGHTS_FILE, `${JSON.stringify(model, null, 2)}\n`);
  console.log(`Fitted on ${questions.length} questions of ${file}; wrote ${WEIGHTS_FILE}.`);
  console.log("Cross-validated figures: npm run eval (train, 5 folds, beside dev).");
}

main().catch((error: unknown) => {
  console.error(toAppError(error).message);
  process.exitCode = 2;
});
