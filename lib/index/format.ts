import { z } from "zod";

/** Bumped when the files of an index change shape; older indexes are rebuilt. */
export const INDEX_FORMAT = 1;

export const INDEX_FILES = {
  manifest: "manifest.json",
  documents: "documents.json",
  chunks: "chunks.json",
  units: "units.json",
  vectors: "vectors.f32",
  dense: "dense.hnsw",
  lexical: "lexical.json",
} as const;

export const HNSW_PARAMS = { m: 16, efConstruction: 200, efSearch: 128 } as const;

export const indexManifestSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  createdAt: z.string(),
  embedder: z.object({ id: z.string(), dimensions: z.number().int().positive() }),
  chunking: z.object({ chunkSize: z.number().int().positive(), chunkOverlap: z.number().int().nonnegative(), segmenter: z.number().int() }),
  documents: z.array(z.object({ docId: z.string(), file: z.string(), hash: z.string(), chunks: z.number().int() })),
  counts: z.object({ documents: z.number().int(), chunks: z.number().int(), units: z.number().int() }),
});

export type IndexManifest = z.infer<typeof indexManifestSchema>;

/** A sentence that was embedded: its offsets in its document. */
export type Unit = { docId: string; start: number; end: number };
