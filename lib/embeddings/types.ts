/** Turns texts into vectors. Implementations load their model once per process. */
export interface Embedder {
  /** Recorded in the index manifest; an index built by another id is refused. */
  readonly id: string;
  readonly dimensions: number;
  /** One unit-length vector per text, in order. Batches internally. */
  embed(texts: string[]): Promise<Float32Array[]>;
}
