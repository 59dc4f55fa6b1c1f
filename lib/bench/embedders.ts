import type { Embedder } from "@/lib/embeddings/types";

const DIMENSIONS = 512;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A cheap deterministic stand-in for the model (feature hashing of words into 512 signed
 * dimensions), so that the costs around the model (chunking, sentence splitting, HNSW and BM25
 * builds, writing) can be measured on corpora too large to embed for real. Its vectors share
 * words like the model's share meaning: similar sentences land near each other.
 */
export function standInEmbedder(): Embedder {
  return {
    id: "bench-stand-in@1",
    dimensions: DIMENSIONS,
    async embed(texts: string[]): Promise<Float32Array[]> {
      return texts.map((text) => {
        const v = new Float32Array(DIMENSIONS);
        for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? ["∅"]) {
          const h = fnv1a(word);
          v[h % DIMENSIONS] += h & 0x100 ? 1 : -1;
          v[(h >>> 9) % DIMENSIONS] += h & 0x200 ? 0.5 : -0.5;
        }
        const norm = Math.hypot(...v) || 1;
        return v.map((x) => x / norm);
      });
    },
  };
}

/** An embedder that counts the texts it embedded and the milliseconds it spent. */
export function timedEmbedder(inner: Embedder): Embedder & { ms: number; texts: number } {
  const timed = {
    id: inner.id,
    dimensions: inner.dimensions,
    ms: 0,
    texts: 0,
    async embed(texts: string[]): Promise<Float32Array[]> {
      const started = performance.now();
      try {
        return await inner.embed(texts);
      } finally {
        timed.ms += performance.now() - started;
        timed.texts += texts.length;
      }
    },
  };
  return timed;
}
