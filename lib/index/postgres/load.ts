import type pg from "pg";
import { AppError } from "@/lib/errors";
import type { Chunk, DocumentRecord } from "@/lib/types";
import { checkIndex } from "../check";
import type { Unit } from "../format";
import type { IndexDescription, StoreData } from "../store";
import { readPgVector } from "./vectors";

type Queryable = pg.Pool | pg.PoolClient;

/** The version readers should serve, or null before the first ingest. */
export async function currentVersion(db: Queryable): Promise<number | null> {
  try {
    const { rows } = await db.query<{ version: string | null }>("SELECT version FROM index_current");
    return rows[0]?.version == null ? null : Number(rows[0].version);
  } catch (error) {
    if ((error as { code?: string }).code === "42P01") {
      throw new AppError("index_missing", "The database has no index tables yet: run `npm run migrate`, then `npm run ingest`.", { cause: error });
    }
    throw error;
  }
}

export const noIndex = () => new AppError("index_missing", "There is no index in the database yet: run `npm run ingest` to build it from corpus/.");

/** What searching a version in SQL needs beside its rows: its id and BM25's statistics. */
export type VersionStats = { version: number; chunkCount: number; averageLength: number; dimensions: number };

type Loaded = { data: StoreData; stats: VersionStats };

/**
 * Reads one version as the files store would hold it, vectors included, on `client` (in a
 * transaction, so that every row comes from one snapshot). Refuses a version whose rows do
 * not add up (checkIndex), as the files store refuses a damaged folder.
 */
export async function readVersionRows(client: Queryable, version: number): Promise<Loaded> {
  const head = await client.query<{ description: IndexDescription; chunk_count: number; average_length: number }>(
    "SELECT description, chunk_count, average_length FROM index_versions WHERE id = $1",
    [version],
  );
  if (!head.rows.length) throw noIndex();
  const manifest = head.rows[0].description;
  const docs = await client.query<{
    doc_id: string;
    title: string;
    source: string | null;
    published_at: string | null;
    text: string;
    format: DocumentRecord["format"];
    bytes: number;
    pages: number[] | null;
  }>(
    `SELECT c.doc_id, c.title, v.source, v.published_at, c.text, v.format, v.bytes, c.pages
     FROM version_documents v JOIN contents c ON c.id = v.content_id WHERE v.version = $1 ORDER BY v.position`,
    [version],
  );
  const documents: DocumentRecord[] = docs.rows.map((r) => ({
    docId: r.doc_id, title: r.title, source: r.source, publishedAt: r.published_at, text: r.text, format: r.format, bytes: r.bytes,
    ...(r.pages ? { pages: r.pages } : {}),
  }));
  const textOf = new Map(documents.map((d) => [d.docId, d.text]));
  const chunkRows = await client.query<{ doc_id: string; chunk_id: string; start_offset: number; end_offset: number; section: string[] }>(
    `SELECT c.doc_id, ch.chunk_id, ch.start_offset, ch.end_offset, ch.section
     FROM version_documents v JOIN contents c ON c.id = v.content_id JOIN chunks ch ON ch.content_id = v.content_id
     WHERE v.version = $1 ORDER BY v.position, ch.ord`,
    [version],
  );
  const chunks: Chunk[] = chunkRows.rows.map((r) => ({
    chunkId: r.chunk_id, docId: r.doc_id, text: textOf.get(r.doc_id)!.slice(r.start_offset, r.end_offset), start: r.start_offset, end: r.end_offset, section: r.section,
  }));
  const unitRows = await client.query<{ doc_id: string; start_offset: number; end_offset: number; kinds: Unit["kinds"]; names: Unit["names"]; embedding: Buffer }>(
    `SELECT c.doc_id, s.start_offset, s.end_offset, s.kinds, s.names, vector_send(s.embedding) AS embedding
     FROM version_documents v JOIN contents c ON c.id = v.content_id JOIN sentences s ON s.content_id = v.content_id
     WHERE v.version = $1 ORDER BY v.position, s.ord`,
    [version],
  );
  const d = manifest.embedder.dimensions;
  const vectors = new Float32Array(unitRows.rows.length * d);
  const units: Unit[] = unitRows.rows.map((r, i) => {
    readPgVector(r.embedding, vectors, i * d);
    return { docId: r.doc_id, start: r.start_offset, end: r.end_offset, kinds: r.kinds, names: r.names };
  });
  const data: StoreData = { manifest, documents, chunks, units, vectors };
  const problem = checkIndex(data);
  if (problem) throw new AppError("index_incompatible", `The index in the database is damaged (${problem}): run \`npm run ingest\` to rebuild it.`);
  const stats = { version, chunkCount: head.rows[0].chunk_count, averageLength: head.rows[0].average_length, dimensions: d };
  return { data, stats };
}

/** The current version, for ingest to compare against (inside its transaction). */
export async function readVersion(client: Queryable): Promise<StoreData> {
  const version = await currentVersion(client);
  if (version === null) throw noIndex();
  return (await readVersionRows(client, version)).data;
}
