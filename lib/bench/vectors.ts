import hnswlib from "hnswlib-node";
import { rng, round, summarize, type Summary } from "./stats";

/** HNSW parameters under test (the app's are HNSW_PARAMS in lib/index/format.ts). */
export type HnswParams = { m: number; efConstruction: number; efSearch: number };

export type HnswRun = HnswParams & {
  size: number;
  buildSeconds: number;
  k: number;
  /** Milliseconds per query. */
  searchMs: Summary;
  exactMs: Summary;
  /** Exact (brute-force) time over HNSW time, per query at p50. */
  speedup: number;
  /** Share of the exact top k that HNSW returned. */
  recall: number;
};

/**
 * `count` unit vectors shaped like sentence vectors: each mixes two real sentence vectors (rows
 * of `bases`) with random weights, plus Gaussian noise of norm `noise`, renormalised. Their
 * nearest neighbours are as close as real sentences' are (median cosine about 0.8-0.85), which
 * isotropic random vectors, a much harder and unrealistic case for HNSW, are not.
 */
export function realisticVectors(bases: Float32Array, dim: number, count: number, seed: number, noise = 0.3): Float32Array {
  const random = rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const rows = bases.length / dim;
  const out = new Float32Array(count * dim);
  const sigma = noise / Math.sqrt(dim);
  for (let i = 0; i < count; i++) {
    const a = Math.floor(random() * rows) * dim;
    const b = Math.floor(random() * rows) * dim;
    const [wa, wb] = [random(), random()];
    let norm = 0;
    for (let j = 0; j < dim; j++) {
      const x = wa * bases[a + j] + wb * bases[b + j] + sigma * gauss();
      out[i * dim + j] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < dim; j++) out[i * dim + j] /= norm;
  }
  return out;
}

/** Isotropic random unit vectors: the worst case for HNSW, shown for contrast. */
export function randomVectors(dim: number, count: number, seed: number): Float32Array {
  return realisticVectors(new Float32Array(dim), dim, count, seed, 1);
}

/** The k most similar rows by exact cosine (rows are unit length: dot product), best first. */
export function exactTopK(vectors: Float32Array, dim: number, query: Float32Array, k: number): number[] {
  const rows = vectors.length / dim;
  const best: { i: number; s: number }[] = [];
  for (let i = 0; i < rows; i++) {
    let s = 0;
    const o = i * dim;
    for (let j = 0; j < dim; j++) s += vectors[o + j] * query[j];
    if (best.length < k || s > best[best.length - 1].s) {
      let at = best.length;
      while (at > 0 && best[at - 1].s < s) at--;
      best.splice(at, 0, { i, s });
      if (best.length > k) best.pop();
    }
  }
  return best.map((b) => b.i);
}

export function buildHnsw(vectors: Float32Array, dim: number, params: HnswParams): hnswlib.HierarchicalNSW {
  const rows = vectors.length / dim;
  const index = new hnswlib.HierarchicalNSW("cosine", dim);
  index.initIndex(rows, params.m, params.efConstruction, 42);
  for (let i = 0; i < rows; i++) index.addPoint(Array.from(vectors.subarray(i * dim, (i + 1) * dim)), i);
  index.setEf(params.efSearch);
  return index;
}

const row = (v: Float32Array, dim: number, i: number) => v.subarray(i * dim, (i + 1) * dim);

export type Exact = { k: number; truth: number[][]; ms: number[] };

/** Exact top k of each query, with the time each took: the ground truth for every HNSW run. */
export function exactBaseline(vectors: Float32Array, queries: Float32Array, dim: number, k = 10): Exact {
  const truth: number[][] = [];
  const ms: number[] = [];
  for (let q = 0; q < queries.length / dim; q++) {
    const started = performance.now();
    truth.push(exactTopK(vectors, dim, row(queries, dim, q), k));
    ms.push(performance.now() - started);
  }
  return { k, truth, ms };
}

/** The exact baseline cut to its first k (a top 96 holds the top 10). */
export function cutExact(exact: Exact, k: number): Exact {
  return { k, truth: exact.truth.map((t) => t.slice(0, k)), ms: exact.ms };
}

/** Searches a built index with each efSearch and scores it against the exact baseline. */
export function searchRuns(
  index: hnswlib.HierarchicalNSW,
  queries: Float32Array,
  dim: number,
  exact: Exact,
  build: { size: number; m: number; efConstruction: number; buildSeconds: number },
  efSearches: number[],
): HnswRun[] {
  const exactMs = summarize(exact.ms);
  return efSearches.map((efSearch) => {
    index.setEf(efSearch);
    const ms: number[] = [];
    let found = 0;
    exact.truth.forEach((truth, q) => {
      const query = Array.from(row(queries, dim, q));
      const started = performance.now();
      const { neighbors } = index.searchKnn(query, exact.k);
      ms.push(performance.now() - started);
      const hits = new Set(neighbors);
      found += truth.filter((i) => hits.has(i)).length;
    });
    const searchMs = summarize(ms);
    return {
      ...build,
      efSearch,
      k: exact.k,
      searchMs,
      exactMs,
      speedup: round(exactMs.p50 / Math.max(searchMs.p50, 1e-6), 1),
      recall: round(found / (exact.k * exact.truth.length), 4),
    };
  });
}
