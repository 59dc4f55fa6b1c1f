import fs from "node:fs/promises";
import { getEmbedder } from "@/lib/embeddings";
import type { Embedder } from "@/lib/embeddings/types";
import { dataDir } from "@/lib/env";
import { AppError } from "@/lib/errors";
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

/** Per data folder: the load under way, the index being served, and the last index refused. */
type State = { loading: Promise<Loaded> | null; served: Loaded | null; refused: { indexTarget: string; error: AppError } | null };

const states = new Map<string, State>();

async function indexTarget(dir: string): Promise<string> {
  return fs.readlink(currentIndexDir(dir)).catch(() => "");
}

async function load(dir: string, target: string): Promise<Loaded> {
  const embedder = await getEmbedder();
  const store = await loadIndex(dir, embedder.id);
  return { engine: { store, embedder, queries: new QueryEmbeddingCache(embedder) }, indexTarget: target };
}

/** Index problems (missing, damaged, outdated) last until data/current changes; others (a model that failed to start) are retried. */
export const isIndexProblem = (error: unknown): error is AppError =>
  error instanceof AppError && (error.code === "index_missing" || error.code === "index_incompatible");

/**
 * The shared engine. Concurrent first calls wait on one load; a new index written by
 * `npm run ingest` while the server runs is picked up on the next call. A new index that is
 * refused (damaged) is logged once, and the index already in memory goes on serving.
 */
export async function getEngine(dir = dataDir()): Promise<Engine> {
  const state = states.get(dir) ?? { loading: null, served: null, refused: null };
  states.set(dir, state);
  const target = await indexTarget(dir);
  if (state.served?.indexTarget === target) return state.served.engine;
  if (state.refused?.indexTarget === target) {
    if (state.served) return state.served.engine;
    throw state.refused.error;
  }
  const current = state.loading ?? (state.loading = load(dir, target));
  const settled = await current.then(
    (loaded) => ({ loaded }),
    (error: unknown) => ({ error }),
  );
  if (state.loading === current) state.loading = null;
  if ("loaded" in settled) {
    state.served = settled.loaded;
    state.refused = null;
    return settled.loaded.engine;
  }
  const { error } = settled;
  if (!isIndexProblem(error)) throw error;
  if ((await indexTarget(dir)) !== target) return getEngine(dir); // swapped while loading: try the newer one
  if (state.refused?.indexTarget !== target) {
    console.error(`Index ${target || "(none)"} refused: ${error.message}`, error.cause ?? "");
    if (state.served) console.error(`Still serving the index loaded before (${state.served.indexTarget}).`);
  }
  state.refused = { indexTarget: target, error };
  if (state.served) return state.served.engine;
  throw error;
}
