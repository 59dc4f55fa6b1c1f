import { z } from "zod";
import { ANSWER_KINDS } from "@/lib/text/answer-kinds";
import { DOCUMENT_FORMATS } from "@/lib/types";

/**
 * Bumped when the files of an index change shape; older indexes are rebuilt. 2: checksums in the
 * manifest. 3: each sentence's answer kinds and names, read once at ingestion. 4: each document's file format and size.
 * 5: the start offset of each page of a PDF document, and the hash of each document's converted text.
 */
export const INDEX_FORMAT = 5;

export const INDEX_FILES = {
  manifest: "manifest.json",
  documents: "documents.json",
  chunks: "chunks.json",
  units: "units.json",
  vectors: "vectors.f32",
  dense: "dense.hnsw",
  lexical: "lexical.json",
} as const;

/** The files a manifest vouches for by checksum: all but itself. */
export type IndexFileKey = Exclude<keyof typeof INDEX_FILES, "manifest">;

export const HNSW_PARAMS = { m: 16, efConstruction: 200, efSearch: 128 } as const;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const indexManifestSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  createdAt: z.string(),
  embedder: z.object({ id: z.string(), dimensions: z.number().int().positive() }),
  chunking: z.object({ chunkSize: z.number().int().positive(), chunkOverlap: z.number().int().nonnegative(), segmenter: z.number().int() }),
  /** Per document: `hash` of the file's bytes (to see it changed), `textHash` of the text it was converted to (to check the index). */
  documents: z.array(z.object({ docId: z.string(), file: z.string(), hash: z.string(), textHash: sha256, chunks: z.number().int() })),
  counts: z.object({ documents: z.number().int(), chunks: z.number().int(), units: z.number().int() }),
  /** sha256 (hex) of each file as written, checked before the file is used. */
  files: z.object({ documents: sha256, chunks: sha256, units: sha256, vectors: sha256, dense: sha256, lexical: sha256 }),
});

export type IndexManifest = z.infer<typeof indexManifestSchema>;

const offset = z.number().int().nonnegative();

export const unitSchema = z.object({
  docId: z.string(),
  start: offset,
  end: offset,
  /** The kinds of answer the sentence can give (a date, a person…), for the answer ranker. */
  kinds: z.array(z.enum(ANSWER_KINDS)),
  /** The people, places and organisations it names. */
  names: z.array(z.object({ kind: z.enum(["person", "place", "organization"]), text: z.string() })),
});

/** A sentence that was embedded: its offsets in its document, and what kinds of answer it holds. */
export type Unit = z.infer<typeof unitSchema>;

export const documentsSchema = z.array(
  z.object({
    docId: z.string().min(1),
    title: z.string(),
    source: z.string().nullable(),
    publishedAt: z.string().nullable(),
    text: z.string(),
    format: z.enum(DOCUMENT_FORMATS),
    bytes: z.number().int().nonnegative(),
    pages: z.array(offset).optional(),
  }),
);

export const chunksSchema = z.array(
  z.object({ chunkId: z.string(), docId: z.string(), text: z.string(), start: offset, end: offset, section: z.array(z.string()) }),
);

export const unitsSchema = z.array(unitSchema);

export const lexicalSchema = z.object({
  k1: z.number().positive(),
  b: z.number().min(0).max(1),
  lengths: z.array(z.number().int().nonnegative()),
  averageLength: z.number().nonnegative(),
  /** term → [chunk, term frequency, chunk, term frequency, ...] */
  postings: z.record(z.string(), z.array(z.number().int().nonnegative())),
});
