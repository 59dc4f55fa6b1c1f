import type { Embedder } from "@/lib/embeddings/types";

/** Embeds queries through a small LRU cache: repeated and follow-up questions skip the model. */
export class QueryEmbeddingCache {
  private readonly entries = new Map<string, Promise<Float32Array>>();

  constructor(
    private readonly embedder: Embedder,
    private readonly capacity = 512,
  ) {}

  embed(text: string): Promise<Float32Array> {
    const hit = this.entries.get(text);
    if (hit) {
      this.entries.delete(text);
      this.entries.set(text, hit);
      return hit;
    }
    const pending = this.embedder.embed([text]).then(([v]) => v);
    pending.catch(() => this.entries.delete(text));
    this.entries.set(text, pending);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return pending;
  }
}
