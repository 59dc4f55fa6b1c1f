import hnswlib from "hnswlib-node";
import { rng, round, summarize, type Summary } from "./stats";

/** HNSW parameters under test (the app's are HNSW_PARAMS in lib/index/format.ts). */
type HnswParams = { m: number; efConstruction: number; efSearch: number };

export type HnswPlan = {
  /** Index sizes (vectors) and, per size, the (M, efConstruction) builds and efSearch values tried. */
  sizes: { size: number; builds: [number, number][]; efSearch: number[]; queries: number }[];
  /** The app's own request is the 96 nearest sentences: its recall is measured too, at these sizes. */
  appK: number;
  appSizes: number[];
  appEfSearch: number[];
  /** Isotropic random vectors at this size, for contrast (0: skip). */
  randomSize: number;
};

type HnswRun = HnswParams & {
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
function randomVectors(dim: number, count: number, seed: number): Float32Array {
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

/** As buildDense in lib/index/store.ts, but with the parameters under test instead of HNSW_PARAMS. */
export function buildHnsw(vectors: Float32Array, dim: number, params: HnswParams): hnswlib.HierarchicalNSW {
  const rows = vectors.length / dim;
  const index = new hnswlib.HierarchicalNSW("cosine", dim);
  index.initIndex(rows, params.m, params.efConstruction, 42);
  for (let i = 0; i < rows; i++) index.addPoint(Array.from(vectors.subarray(i * dim, (i + 1) * dim)), i);
  index.setEf(params.efSearch);
  return index;
}

const row = (v: Float32Array, dim: number, i: number) => v.subarray(i * dim, (i + 1) * dim);

type Exact = { k: number; truth: number[][]; ms: number[] };

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
function cutExact(exact: Exact, k: number): Exact {
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

export type HnswResult = { dim: number; runs: HnswRun[]; appRuns: HnswRun[]; randomRuns: HnswRun[] };

const DIM = 512;

/** Builds an index and times the build. */
function timedBuild(vectors: Float32Array, size: number, params: HnswParams) {
  const started = performance.now();
  const index = buildHnsw(vectors, DIM, params);
  return { index, build: { size, m: params.m, efConstruction: params.efConstruction, buildSeconds: round((performance.now() - started) / 1000, 2) } };
}

/** HNSW against exact cosine on the same vectors, for each size and parameter set of the plan. */
export function benchHnsw(bases: Float32Array, plan: HnswPlan, chosen: HnswParams, log: (s: string) => void): HnswResult {
  const runs: HnswRun[] = [];
  const appRuns: HnswRun[] = [];
  for (const { size, builds, efSearch, queries } of plan.sizes) {
    const vectors = realisticVectors(bases, DIM, size, size);
    const qs = realisticVectors(bases, DIM, queries, size + 1);
    const exactApp = exactBaseline(vectors, qs, DIM, plan.appK);
    const exact = cutExact(exactApp, 10);
    for (const [m, efConstruction] of builds) {
      const { index, build } = timedBuild(vectors, size, { m, efConstruction, efSearch: 10 });
      const found = searchRuns(index, qs, DIM, exact, build, efSearch);
      runs.push(...found);
      log(`  hnsw ${size} M=${m} efC=${efConstruction}: build ${build.buildSeconds} s; ${found.map((r) => `ef ${r.efSearch} recall ${r.recall}`).join(", ")}`);
      if (plan.appSizes.includes(size) && m === chosen.m && efConstruction === chosen.efConstruction) {
        appRuns.push(...searchRuns(index, qs, DIM, exactApp, build, plan.appEfSearch));
      }
    }
  }
  const randomRuns: HnswRun[] = [];
  if (plan.randomSize) {
    const vectors = randomVectors(DIM, plan.randomSize, 11);
    const qs = randomVectors(DIM, 100, 12);
    const exact = exactBaseline(vectors, qs, DIM, 10);
    const { index, build } = timedBuild(vectors, plan.randomSize, chosen);
    randomRuns.push(...searchRuns(index, qs, DIM, exact, build, [chosen.efSearch, 512]));
  }
  return { dim: DIM, runs, appRuns, randomRuns };
}
