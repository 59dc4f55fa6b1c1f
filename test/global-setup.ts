import { getEmbedder } from "@/lib/embeddings";
import { corpusDir, dataDir } from "@/lib/env";
import { ingest } from "@/lib/ingest/ingest";

/** The tests read the real index of corpus/: build it once (a no-op when it is up to date). */
export default async function setup(): Promise<void> {
  await ingest({ corpusDir: corpusDir(), dataDir: dataDir(), embedder: await getEmbedder() });
}
