import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { EmbeddingWorkerPool } from "./worker-pool";

/** A stand-in for the model worker: one number per text (its length); "crash" kills the thread. */
const fakeWorker = (loadError?: string) => () =>
  new Worker(
    `const { parentPort } = require("node:worker_threads");
    ${loadError ? `parentPort.postMessage({ failed: ${JSON.stringify(loadError)} });` : `parentPort.postMessage({ ready: true, version: "9.9.9" });`}
    parentPort.on("message", ({ texts }) => {
      if (texts.includes("crash")) process.exit(3);
      if (texts.includes("bad")) return parentPort.postMessage({ error: "bad text" });
      parentPort.postMessage({ vectors: Float32Array.from(texts, (t) => t.length) });
    });`,
    { eval: true },
  );

describe("EmbeddingWorkerPool", () => {
  it("runs batches on its workers and reports their version", async () => {
    const { pool, version } = await EmbeddingWorkerPool.start(2, fakeWorker());
    expect(version).toBe("9.9.9");
    expect(pool.size).toBe(2);
    const results = await Promise.all([["a", "bb"], ["ccc"], ["dddd", "e"]].map((texts) => pool.run(texts)));
    expect(results.map((r) => Array.from(r))).toEqual([[1, 2], [3], [4, 1]]);
  });

  it("fails a batch the worker reports an error for, and goes on", async () => {
    const { pool } = await EmbeddingWorkerPool.start(1, fakeWorker());
    await expect(pool.run(["bad"])).rejects.toThrow(/bad text/);
    expect(Array.from(await pool.run(["ok"]))).toEqual([2]);
  });

  it("fails the batch of a worker that dies, and replaces the worker", async () => {
    const { pool } = await EmbeddingWorkerPool.start(1, fakeWorker());
    await expect(pool.run(["crash"])).rejects.toThrow(/exit code 3/);
    expect(Array.from(await pool.run(["again"]))).toEqual([5]);
  });

  it("fails to start when the model does not load", async () => {
    await expect(EmbeddingWorkerPool.start(2, fakeWorker("no weights"))).rejects.toThrow(/failed to load: no weights/);
  });
});
