import { parseArgs } from "node:util";
import { corpusDir, dataDir } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { corpusChangesSinceIndex } from "@/lib/ingest/changes";
import { ingestReporter } from "./progress";

const USAGE = `usage: npm run ingest [-- --skip-bad] [-- --if-changed]
  --skip-bad    report bad files (broken, scanned, encrypted, too large) and ingest the others
  --if-changed  do nothing when corpus/ is as the index was built from (used by npm start)`;

function options() {
  try {
    return parseArgs({ options: { "skip-bad": { type: "boolean" }, "if-changed": { type: "boolean" } } }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

async function main() {
  const args = options();
  if (args["if-changed"]) {
    const changes = await corpusChangesSinceIndex(corpusDir(), dataDir());
    if (!changes.length) return;
    console.log(`${corpusDir()} has changed since the index was built (${changes.join("; ")}): ingesting.`);
  }
  // Loaded only now: the models and NLP tables take seconds, and --if-changed often needs none of them.
  const [{ getEmbedder }, { ingest }, { configuredWriter }] = await Promise.all([
    import("@/lib/embeddings"),
    import("@/lib/ingest/ingest"),
    import("@/lib/index/source"),
  ]);
  const embedder = await getEmbedder();
  const summary = await ingest({
    corpusDir: corpusDir(),
    dataDir: dataDir(),
    embedder,
    writer: configuredWriter(),
    onProgress: ingestReporter(),
    skipBad: args["skip-bad"],
  });
  for (const { file, reason } of summary.skipped) console.warn(`skipped ${file}: ${reason}`);
  const counts = `${summary.documents} documents, ${summary.chunks} chunks, ${summary.units} sentences`;
  if (summary.nothingChanged) {
    console.log(`Index is up to date, nothing changed (${counts}) in ${summary.seconds.toFixed(1)} s.`);
  } else {
    const rate = summary.embedded.units / summary.seconds;
    console.log(
      `Indexed ${counts} in ${summary.seconds.toFixed(1)} s ` +
        `(embedded ${summary.embedded.units} sentences of ${summary.embedded.documents} documents, ${rate.toFixed(1)}/s).`,
    );
  }
}

main().catch((error: unknown) => {
  const message = error instanceof AppError ? error.message : `Ingestion failed: ${(error as Error).message ?? error}`;
  const hint = error instanceof AppError && error.code === "bad_input" && /^Cannot ingest/.test(message) ? "\nThe index was left as it was. `npm run ingest -- --skip-bad` ingests the other files." : "";
  console.error(message + hint);
  process.exitCode = 1;
});
