import type { Engine } from "@/lib/engine/engine";
import { ask } from "@/lib/engine/ask";
import type { IndexData } from "@/lib/index/store";
import type { IndexView } from "@/lib/index/view";
import { nearestUnits } from "@/lib/retrieval/dense";
import { QueryEmbeddingCache } from "@/lib/retrieval/query-cache";
import { hybridSearch } from "@/lib/retrieval/search";
import { repeated, sample, summarize, type Summary } from "./stats";
import { exactTopK } from "./vectors";

export type QueryResult = {
  index: { documents: number; chunks: number; sentences: number; embedder: string };
  rounds: number;
  /** One question through the model, uncached. */
  embedMs: Summary;
  /** The app's dense request: the 96 nearest sentences. */
  hnswMs: Summary;
  /** The same 96 by exact cosine over every sentence vector. */
  exactMs: Summary;
  /** Share of the exact 96 that HNSW returned, over the questions. */
  hnswRecall: number;
  lexicalMs: Summary;
  hybridMs: Summary;
  /** ask(): the code path of /api/ask with the configured answerer, and an empty query cache every round (so the model runs). */
  answerMs: Summary;
  answerParts: { retrieveMs: Summary; answerMs: Summary };
};

/** Milliseconds of each retrieval step, the query embedding excluded (`vectors`: the questions' embeddings). */
export async function retrievalTimings(store: IndexView, questions: string[], vectors: Float32Array[], rounds: number) {
  const all = repeated(questions, rounds);
  const vectorOf = (i: number) => vectors[i % questions.length];
  return {
    denseMs: summarize(await sample(all, (_q, i) => nearestUnits(store, vectorOf(i), 96))),
    lexicalMs: summarize(await sample(all, (q) => store.searchLexical(q, 48))),
    hybridMs: summarize(await sample(all, (q, i) => hybridSearch(store, q, vectorOf(i), 6))),
  };
}

/** Query costs on the live index (data/, whose vectors `data` holds for exact search), `rounds` passes over the questions. */
export async function benchQueries(engine: Engine, data: IndexData, questions: string[], rounds: number): Promise<QueryResult> {
  const { embedder } = engine;
  const store = engine.store.view();
  const all = repeated(questions, rounds);
  await embedder.embed([questions[0]]); // warm-up: the first call pays for lazy set-up
  const embedMs = await sample(all, (q) => embedder.embed([q]));
  const vectors = await embedder.embed(questions);
  const vectorOf = (i: number) => vectors[i % questions.length];
  const dim = store.manifest.embedder.dimensions;
  const { denseMs, lexicalMs, hybridMs } = await retrievalTimings(store, questions, vectors, rounds);
  const exactMs = await sample(all, (_q, i) => exactTopK(data.vectors, dim, vectorOf(i), 96));
  let found = 0;
  for (const v of vectors) {
    const hits = await nearestUnits(store, v, 96);
    found += exactTopK(data.vectors, dim, v, 96).filter((u) => hits.has(u)).length;
  }
  const hnswRecall = found / (Math.min(96, data.units.length) * vectors.length);
  await ask({ question: questions[0] }, engine);
  const timings: { retrieveMs: number; answerMs: number }[] = [];
  const answerMs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const fresh = { ...engine, queries: new QueryEmbeddingCache(embedder) };
    answerMs.push(...(await sample(questions, async (question) => timings.push((await ask({ question }, fresh)).timings))));
  }
  return {
    index: { documents: data.documents.length, chunks: data.chunks.length, sentences: data.units.length, embedder: embedder.id },
    rounds,
    embedMs: summarize(embedMs),
    hnswMs: denseMs,
    exactMs: summarize(exactMs),
    hnswRecall,
    lexicalMs,
    hybridMs,
    answerMs: summarize(answerMs),
    answerParts: { retrieveMs: summarize(timings.map((t) => t.retrieveMs)), answerMs: summarize(timings.map((t) => t.answerMs)) },
  };
}
