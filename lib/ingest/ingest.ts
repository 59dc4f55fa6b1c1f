import { readCorpus, type CorpusDocument, type SkippedEntry } from "@/lib/corpus/read";
import type { Embedder } from "@/lib/embeddings/types";
import type { IndexDraft } from "@/lib/index/disk";
import { textHash } from "@/lib/index/check";
import { INDEX_FORMAT, type IndexManifest, type Unit } from "@/lib/index/format";
import { vectorRow, type StoreData } from "@/lib/index/store";
import { filesWriter, type IndexWriter, type IngestSession } from "@/lib/index/writer";
import type { Chunk } from "@/lib/types";
import { chunkDocument, DEFAULT_CHUNK_SETTINGS, type ChunkSettings } from "./chunk";
import { documentUnits, SEGMENTER_VERSION, unitEmbeddingText } from "./units";

export type IngestProgress =
  | { type: "waiting"; pid: number; since: string }
  /** `sentences`: how many sentences the documents to embed hold, all told. */
  | { type: "start"; documents: number; toEmbed: number; unchanged: number; removed: string[]; sentences: number }
  | { type: "document"; docId: string; units: number }
  /** `done` of the document's `total` sentences are embedded. */
  | { type: "embedded"; docId: string; done: number; total: number };

export type IngestOptions = {
  corpusDir: string;
  dataDir: string;
  embedder: Embedder;
  settings?: ChunkSettings;
  batchSize?: number;
  onProgress?: (event: IngestProgress) => void;
  /** Bad files are reported in the summary's `skipped` and left out, instead of stopping the run. */
  skipBad?: boolean;
  /** How long to wait for another ingest of the same data folder (default 10 minutes). */
  lockWaitMs?: number;
  /** Where the index goes: by default the files store in `dataDir`; lib/index/source.ts picks the configured one. */
  writer?: IndexWriter;
};

export type IngestSummary = {
  nothingChanged: boolean;
  documents: number;
  chunks: number;
  units: number;
  embedded: { documents: number; units: number };
  removed: string[];
  /** Entries of the corpus folder that were not read, with the reason. */
  skipped: SkippedEntry[];
  seconds: number;
};

/** What one document contributes to the index. */
type DocumentPart = { doc: CorpusDocument; chunks: Chunk[]; units: Unit[]; vectors: Float32Array[] };

async function previousIndex(session: IngestSession, embedder: Embedder, settings: ChunkSettings): Promise<StoreData | null> {
  try {
    const data = await session.previous();
    const m = data.manifest;
    const compatible =
      m.embedder.id === embedder.id &&
      m.embedder.dimensions === embedder.dimensions &&
      m.chunking.chunkSize === settings.chunkSize &&
      m.chunking.chunkOverlap === settings.chunkOverlap &&
      m.chunking.segmenter === SEGMENTER_VERSION;
    return compatible ? data : null;
  } catch {
    return null; // missing or damaged: rebuilt from scratch
  }
}

function reusePart(previous: StoreData, doc: CorpusDocument): DocumentPart {
  const units: Unit[] = [];
  const vectors: Float32Array[] = [];
  previous.units.forEach((u, i) => {
    if (u.docId === doc.docId) {
      units.push(u);
      vectors.push(vectorRow(previous, i));
    }
  });
  return { doc, chunks: previous.chunks.filter((c) => c.docId === doc.docId), units, vectors };
}

/** A document to embed, cut into chunks and sentences: how many sentences there are is known before any is embedded. */
type CutDocument = Omit<DocumentPart, "vectors">;

async function cutDocument(doc: CorpusDocument, settings: ChunkSettings): Promise<CutDocument> {
  return { doc, chunks: await chunkDocument(doc.docId, doc.text, settings, doc.pages), units: documentUnits(doc.docId, doc.text) };
}

async function embedPart({ doc, chunks, units }: CutDocument, options: IngestOptions): Promise<DocumentPart> {
  options.onProgress?.({ type: "document", docId: doc.docId, units: units.length });
  const texts = units.map((u) => unitEmbeddingText(doc.text, u));
  const batchSize = options.batchSize ?? 32;
  const vectors: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += batchSize) {
    vectors.push(...(await options.embedder.embed(texts.slice(i, i + batchSize))));
    options.onProgress?.({ type: "embedded", docId: doc.docId, done: vectors.length, total: texts.length });
  }
  return { doc, chunks, units, vectors };
}

function assemble(parts: DocumentPart[], embedder: Embedder, settings: ChunkSettings): IndexDraft {
  const d = embedder.dimensions;
  const units = parts.flatMap((p) => p.units);
  const vectors = new Float32Array(units.length * d);
  let row = 0;
  for (const v of parts.flatMap((p) => p.vectors)) vectors.set(v, d * row++);
  const manifest: IndexDraft["manifest"] = {
    format: INDEX_FORMAT,
    createdAt: new Date().toISOString(),
    embedder: { id: embedder.id, dimensions: d },
    chunking: { ...settings, segmenter: SEGMENTER_VERSION },
    documents: parts.map((p) => ({ docId: p.doc.docId, file: p.doc.file, hash: p.doc.hash, textHash: textHash(p.doc.text), chunks: p.chunks.length })),
    counts: { documents: parts.length, chunks: parts.reduce((n, p) => n + p.chunks.length, 0), units: units.length },
  };
  const documents = parts.map(({ doc }) => ({
    docId: doc.docId,
    title: doc.title,
    source: doc.source,
    publishedAt: doc.publishedAt,
    text: doc.text,
    format: doc.format,
    bytes: doc.bytes,
    ...(doc.pages ? { pages: doc.pages } : {}),
  }));
  return { manifest, documents, chunks: parts.flatMap((p) => p.chunks), units, vectors };
}

function sameMetadata(previous: StoreData, doc: CorpusDocument): boolean {
  const before = previous.documents.find((d) => d.docId === doc.docId);
  return !!before && before.title === doc.title && before.source === doc.source && before.publishedAt === doc.publishedAt;
}

/**
 * Builds or updates the index: only new or changed documents are embedded. One run at a time
 * per index: a second waits for the first (lib/index/lock.ts, or Postgres's advisory lock).
 */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const writer = options.writer ?? filesWriter(options.dataDir);
  return writer.exclusive((session) => ingestLocked(session, options, started), {
    waitMs: options.lockWaitMs,
    onWait: (holder) => options.onProgress?.({ type: "waiting", ...holder }),
  });
}

async function ingestLocked(session: IngestSession, options: IngestOptions, started: number): Promise<IngestSummary> {
  const settings = options.settings ?? DEFAULT_CHUNK_SETTINGS;
  const { documents, skipped } = await readCorpus(options.corpusDir, { skipBad: options.skipBad });
  const previous = await previousIndex(session, options.embedder, settings);
  const previousHash = new Map(previous?.manifest.documents.map((d) => [d.docId, d.hash]) ?? []);
  const isUnchanged = (doc: CorpusDocument) => !!previous && previousHash.get(doc.docId) === doc.hash;
  const current = new Set(documents.map((d) => d.docId));
  const removed = [...previousHash.keys()].filter((id) => !current.has(id));
  const toEmbed = documents.filter((d) => !isUnchanged(d));
  const cut = new Map<CorpusDocument, CutDocument>();
  for (const doc of toEmbed) cut.set(doc, await cutDocument(doc, settings));
  const sentences = [...cut.values()].reduce((n, c) => n + c.units.length, 0);
  options.onProgress?.({ type: "start", documents: documents.length, toEmbed: toEmbed.length, unchanged: documents.length - toEmbed.length, removed, sentences });

  const summary = (data: { manifest: Pick<IndexManifest, "counts"> }, embeddedUnits: number, nothingChanged = false): IngestSummary => ({
    nothingChanged,
    documents: data.manifest.counts.documents,
    chunks: data.manifest.counts.chunks,
    units: data.manifest.counts.units,
    embedded: { documents: toEmbed.length, units: embeddedUnits },
    removed,
    skipped,
    seconds: (performance.now() - started) / 1000,
  });

  if (previous && toEmbed.length === 0 && removed.length === 0 && documents.every((d) => sameMetadata(previous, d))) {
    return summary(previous, 0, true);
  }
  const parts: DocumentPart[] = [];
  let embeddedUnits = 0;
  for (const doc of documents) {
    const toCut = cut.get(doc);
    const part = toCut ? await embedPart(toCut, options) : reusePart(previous!, doc);
    if (toCut) embeddedUnits += part.units.length;
    parts.push(part);
  }
  const data = assemble(parts, options.embedder, settings);
  await session.write(data);
  return summary(data, embeddedUnits);
}
