import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { documentUnits } from "@/lib/ingest/units";
import { summarize } from "./stats";
import { standInEmbedder, writeSyntheticCorpus } from "./synthetic";
import { buildHnsw, exactBaseline, exactTopK, realisticVectors, searchRuns } from "./vectors";

describe("writeSyntheticCorpus", () => {
  it("writes copies with the same lengths and lines, about as many sentences, other words and digits", async () => {
    const { dir, files } = await writeSyntheticCorpus("corpus", 2);
    try {
      expect(files).toBe(10);
      const original = await fs.readFile("corpus/nato-what-is-nato.txt", "utf8");
      const copy = await fs.readFile(path.join(dir, "nato-what-is-nato-copy1.txt"), "utf8");
      expect(copy).not.toBe(original);
      expect(copy.length).toBe(original.length);
      expect(copy.split("\n").length).toBe(original.split("\n").length);
      // Shuffled words can move an abbreviation or a colon to a sentence's end: counts stay close.
      expect(Math.abs(documentUnits("c", copy).length / documentUnits("o", original).length - 1)).toBeLessThan(0.1);
      const manifest = JSON.parse(await fs.readFile(path.join(dir, "corpus.json"), "utf8"));
      expect(manifest["nato-what-is-nato-copy1.txt"].title).toMatch(/\(copy 1\)$/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe("vectors", () => {
  it("finds the exact neighbours, and HNSW finds them too on a small set", () => {
    const dim = 16;
    const bases = realisticVectors(new Float32Array(dim), dim, 50, 1, 1);
    const vectors = realisticVectors(bases, dim, 300, 2);
    const queries = realisticVectors(bases, dim, 20, 3);
    const q = queries.subarray(0, dim);
    const top = exactTopK(vectors, dim, q, 5);
    const dot = (i: number) => vectors.subarray(i * dim, (i + 1) * dim).reduce((s, x, j) => s + x * q[j], 0);
    const all = Array.from({ length: 300 }, (_, i) => i).sort((a, b) => dot(b) - dot(a));
    expect(top).toEqual(all.slice(0, 5));
    const exact = exactBaseline(vectors, queries, dim, 10);
    const [run] = searchRuns(buildHnsw(vectors, dim, { m: 16, efConstruction: 200, efSearch: 64 }), queries, dim, exact, { size: 300, m: 16, efConstruction: 200, buildSeconds: 0 }, [64]);
    expect(run.recall).toBeGreaterThan(0.95);
  });
});

describe("standInEmbedder", () => {
  it("gives unit vectors, equal for equal texts", async () => {
    const [a, b, c] = await standInEmbedder().embed(["NATO was founded in 1949.", "NATO was founded in 1949.", "Sweden joined."]);
    expect(Math.hypot(...a)).toBeCloseTo(1, 5);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });
});

describe("summarize", () => {
  it("gives percentiles of the samples", () => {
    const s = summarize(Array.from({ length: 100 }, (_, i) => i + 1));
    expect([s.p50, s.p95, s.p99, s.max]).toEqual([50, 95, 99, 100]);
  });
});
