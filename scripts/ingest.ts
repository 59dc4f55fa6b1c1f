import { getEmbedder } from "@/lib/embeddings";
import { corpusDir, dataDir } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { configuredWriter } from "@/lib/index/source";
import { ingest } from "@/lib/ingest/ingest";
import { ingestReporter } from "./progress";

async function main() {
  const embedder = await getEmbedder();
  const summary = await ingest({ corpusDir: corpusDir(), dataDir: dataDir(), embedder, writer: configuredWriter(), onProgress: ingestReporter() });
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
  console.error(message);
  process.exitCode = 1;
});
