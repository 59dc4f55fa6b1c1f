import { getEmbedder } from "@/lib/embeddings";
import type { Embedder } from "@/lib/embeddings/types";
import { AppError } from "@/lib/errors";
import { configuredSource, filesSource, type IndexSource } from "@/lib/index/source";
import type { IndexStore } from "@/lib/index/view";
import { QueryEmbeddingCache } from "@/lib/retrieval/query-cache";

/** What answering needs, loaded once per process and shared by every request. */
export type Engine = {
  store: IndexStore;
  embedder: Embedder;
  queries: QueryEmbeddingCache;
};

type Loaded = { engine: Engine; indexTarget: string };

/** Per store: the load under way, the index being served, and the last index refused. */
type State = { loading: Promise<Loaded> | null; served: Loaded | null; refused: { indexTarget: string; error: AppError } | null };

const states = new Map<string, State>();

async function load(source: IndexSource, target: string): Promise<Loaded> {
  const embedder = await getEmbedder();
  const store = await source.load(target, embedder.id);
  return { engine: { store, embedder, queries: new QueryEmbeddingCache(embedder) }, indexTarget: target };
}

/** Index problems (missing, damaged, outdated) last until data/current changes; others (a model that failed to start) are retried. */
export const isIndexProblem = (error: unknown): error is AppError =>
  error instanceof AppError && (error.code === "index_missing" || error.code === "index_incompatible");

/**
 * The shared engine of a store (INDEX_STORE by default; a folder means the files store there).
 * Concurrent first calls wait on one load; a new index written by `npm run ingest` while the
 * server runs (through this process or any other on the same store) is picked up on the next
 * call: each call looks at which index is live. A new index that is refused (damaged) is
 * logged once, and the index already in memory goes on serving.
 */
export async function getEngine(from: string | IndexSource = configuredSource()): Promise<Engine> {
  const source = typeof from === "string" ? filesSource(from) : from;
  const state = states.get(source.key) ?? { loading: null, served: null, refused: null };
  states.set(source.key, state);
  const target = await source.live();
  if (state.served?.indexTarget === target) return state.served.engine;
  if (state.refused?.indexTarget === target) {
    if (state.served) return state.served.engine;
    throw state.refused.error;
  }
  const current = state.loading ?? (state.loading = load(source, target));
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
  if ((await source.live()) !== target) return getEngine(source); // swapped while loading: try the newer one
  if (state.refused?.indexTarget !== target) {
    console.error(`Index ${target || "(none)"} refused: ${error.message}`, error.cause ?? "");
    if (state.served) console.error(`Still serving the index loaded before (${state.served.indexTarget}).`);
  }
  state.refused = { indexTarget: target, error };
  if (state.served) return state.served.engine;
  throw error;
}
