import { round } from "./stats";
import { buildHnsw, cutExact, exactBaseline, randomVectors, realisticVectors, searchRuns, type HnswRun } from "./vectors";

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

export type HnswResult = { dim: number; runs: HnswRun[]; appRuns: HnswRun[]; randomRuns: HnswRun[] };

const DIM = 512;

/** HNSW against exact cosine on the same vectors, for each size and parameter set of the plan. */
export function benchHnsw(bases: Float32Array, plan: HnswPlan, chosen: { m: number; efConstruction: number; efSearch: number }, log: (s: string) => void): HnswResult {
  const runs: HnswRun[] = [];
  const appRuns: HnswRun[] = [];
  for (const { size, builds, efSearch, queries } of plan.sizes) {
    const vectors = realisticVectors(bases, DIM, size, size);
    const qs = realisticVectors(bases, DIM, queries, size + 1);
    const exactApp = exactBaseline(vectors, qs, DIM, plan.appK);
    const exact = cutExact(exactApp, 10);
    for (const [m, efConstruction] of builds) {
      const started = performance.now();
      const index = buildHnsw(vectors, DIM, { m, efConstruction, efSearch: 10 });
      const build = { size, m, efConstruction, buildSeconds: round((performance.now() - started) / 1000, 2) };
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
    const size = plan.randomSize;
    const vectors = randomVectors(DIM, size, 11);
    const qs = randomVectors(DIM, 100, 12);
    const exact = exactBaseline(vectors, qs, DIM, 10);
    const started = performance.now();
    const index = buildHnsw(vectors, DIM, chosen);
    const build = { size, m: chosen.m, efConstruction: chosen.efConstruction, buildSeconds: round((performance.now() - started) / 1000, 2) };
    randomRuns.push(...searchRuns(index, qs, DIM, exact, build, [chosen.efSearch, 512]));
  }
  return { dim: DIM, runs, appRuns, randomRuns };
}
