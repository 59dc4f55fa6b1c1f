import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { getEmbedder } from "@/lib/embeddings";
import { getEngine, type Engine } from "@/lib/engine/engine";
import { ingest, type IngestOptions, type IngestSummary } from "@/lib/ingest/ingest";

/** A corpus of its own in a temporary folder, ingested into its own data folder: for tests of small collections. */
export type Collection = {
  root: string;
  corpus: string;
  data: string;
  /** Writes (or overwrites) files of the corpus. */
  write(files: Record<string, string | Uint8Array>): Promise<void>;
  ingest(options?: Partial<IngestOptions>): Promise<IngestSummary>;
  /** The engine serving the collection's current index. */
  engine(): Promise<Engine>;
  remove(): Promise<void>;
};

export async function collectionOf(files: Record<string, string | Uint8Array>): Promise<Collection> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "collection-"));
  const corpus = path.join(root, "corpus");
  const data = path.join(root, "data");
  await fs.mkdir(corpus);
  const collection: Collection = {
    root,
    corpus,
    data,
    write: async (more) => {
      for (const [name, content] of Object.entries(more)) await fs.writeFile(path.join(corpus, name), content);
    },
    ingest: async (options) => ingest({ corpusDir: corpus, dataDir: data, embedder: await getEmbedder(), ...options }),
    engine: () => getEngine(data),
    remove: () => fs.rm(root, { recursive: true, force: true }),
  };
  await collection.write(files);
  return collection;
}
