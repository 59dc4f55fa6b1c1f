import fs from "node:fs/promises";
import { getEmbedder } from "@/lib/embeddings";
import type { Embedder } from "@/lib/embeddings/types";
import { dataDir } from "@/lib/env";
import { currentIndexDir, loadIndex } from "@/lib/index/disk";
import type { IndexStore } from "@/lib/index/store";
import { QueryEmbeddingCache } from "@/lib/retrieval/query-cache";

/** What answering needs, loaded once per process and shared by every request. */
export type Engine = {
  store: IndexStore;
  embedder: Embedder;
  queries: QueryEmbeddingCache;
};

type Loaded = { engine: Engine; indexTarget: string };

let loading: Promise<Loaded> | null = null;

async function indexTarget(dir: string): Promise<string> {
  return fs.readlink(currentIndexDir(dir)).catch(() => "");
}

async function load(dir: string): Promise<Loaded> {
  const embedder = await getEmbedder();
  const target = await indexTarget(dir);
  const store = await loadIndex(dir, embedder.id);
  return { engine: { store, embedder, queries: new QueryEmbeddingCache(embedder) }, indexTarget: target };
}

/**
 * The shared engine. Concurrent first calls wait on one load; a new index written by
 * `npm run ingest` while the server runs is picked up on the next call.
 */
export async function getEngine(dir = dataDir()): Promise<Engine> {
  const current = loading ?? (loading = load(dir));
  let loaded: Loaded;
  try {
    loaded = await current;
  } catch (error) {
    if (loading === current) loading = null; // let the next request try again (e.g. after ingest)
    throw error;
  }
  if (loaded.indexTarget !== (await indexTarget(dir)) && loading === current) {
    loading = load(dir);
    return getEngine(dir);
  }
  return loaded.engine;
}
