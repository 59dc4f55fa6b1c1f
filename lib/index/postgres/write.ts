import type pg from "pg";
import { AppError } from "@/lib/errors";
import { terms } from "@/lib/text/normalize";
import type { IndexDraft } from "../disk";
import { buildLexicalIndex } from "../lexical";
import type { LockOptions } from "../lock";
import { buildLexical, lexicalField } from "../store";
import type { IndexWriter } from "../writer";
import { readVersion } from "./load";
import { migrate } from "./migrate";
import { inTransaction, poolFor } from "./pool";
import { PG_DIMENSIONS, toPgVector } from "./vectors";

/** The advisory lock every ingest into this database takes: one at a time. */
const INGEST_LOCK = 0x696e6773;

/** Rows sent per INSERT: vectors are ~5 KB of text each. */
const BATCH = 500;
/** Rows per INSERT of sentence terms: a word and two numbers each. */
const TERM_BATCH = 10_000;

type Client = pg.PoolClient;

/**
 * Ingest into Postgres: pending migrations first (so that ingest alone sets up a new database),
 * then the whole run is one transaction that holds the ingest lock, so a second run waits (or
 * gives up after `waitMs`) and then sees the first one's version; readers keep the version that
 * was current until the COMMIT makes the new one current.
 */
export function postgresWriter(url: string): IndexWriter {
  return {
    exclusive: async (work, options) => {
      await migrate(poolFor(url));
      return inTransaction(poolFor(url), "BEGIN", async (client) => {
        await takeIngestLock(client, options);
        return work({ previous: () => readVersion(client), write: (draft) => writeVersion(client, draft) });
      });
    },
  };
}

async function takeIngestLock(client: Client, options: LockOptions = {}): Promise<void> {
  const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS ok", [INGEST_LOCK]);
  if (rows[0].ok) return;
  const holder = await client.query<{ pid: number }>("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted", [INGEST_LOCK]);
  options.onWait?.({ pid: holder.rows[0]?.pid ?? 0, since: new Date().toISOString() });
  await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(options.waitMs ?? 10 * 60_000))}`);
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [INGEST_LOCK]);
  } catch (error) {
    if ((error as { code?: string }).code !== "55P03") throw error;
    throw new AppError("bad_input", "Another ingest is writing the index in this database; try again when it has finished.", { cause: error });
  }
  await client.query("SET LOCAL lock_timeout = 0");
}

/** A document's identity in `contents`: the same file, title, embedder and chunking give the same rows. */
type ContentKey = { docId: string; hash: string; title: string; embedder: string; chunking: string };

async function findContent(client: Client, key: ContentKey): Promise<number | null> {
  const { rows } = await client.query<{ id: string }>(
    "SELECT id FROM contents WHERE doc_id = $1 AND hash = $2 AND title = $3 AND embedder = $4 AND chunking = $5",
    [key.docId, key.hash, key.title, key.embedder, key.chunking],
  );
  return rows.length ? Number(rows[0].id) : null;
}

/** Inserts `rows` in batches through unnest: one parameter per column, not per value. */
async function insertColumns(client: Client, sql: string, columns: unknown[][], batch = BATCH): Promise<void> {
  const n = columns[0]?.length ?? 0;
  for (let i = 0; i < n; i += batch) await client.query(sql, columns.map((c) => c.slice(i, i + batch)));
}

/** Writes one document's content (text, chunks, sentences with vectors and terms, BM25 postings); returns its id. */
async function insertContent(client: Client, draft: IndexDraft, doc: number, key: ContentKey, units: [number, number]): Promise<number> {
  const d = draft.documents[doc];
  const { rows } = await client.query<{ id: string }>(
    "INSERT INTO contents (doc_id, hash, title, embedder, chunking, text, pages, wide_characters) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    [key.docId, key.hash, key.title, key.embedder, key.chunking, d.text, d.pages ?? null, /[\u{10000}-\u{10FFFF}]/u.test(d.text)],
  );
  const id = Number(rows[0].id);
  const chunks = draft.chunks.filter((c) => c.docId === d.docId);
  const lexical = buildLexicalIndex(chunks.map((c) => lexicalField(c, d.title)));
  await insertColumns(
    client,
    `INSERT INTO chunks (content_id, ord, chunk_id, start_offset, end_offset, section, lexical_length)
     SELECT ${id}, ord, chunk_id, s, e, ARRAY(SELECT jsonb_array_elements_text(section)), len
     FROM unnest($1::int[], $2::text[], $3::int[], $4::int[], $5::jsonb[], $6::int[]) AS t(ord, chunk_id, s, e, section, len)`,
    [chunks.map((_, i) => i), chunks.map((c) => c.chunkId), chunks.map((c) => c.start), chunks.map((c) => c.end), chunks.map((c) => JSON.stringify(c.section)), lexical.lengths],
  );
  const postings = Object.entries(lexical.postings).flatMap(([term, list]) => list.flatMap((v, i) => (i % 2 ? [] : [[term, v, list[i + 1]] as const])));
  await insertColumns(
    client,
    `INSERT INTO postings (term, content_id, chunk_ord, tf) SELECT term, ${id}, ord, tf FROM unnest($1::text[], $2::int[], $3::int[]) AS t(term, ord, tf)`,
    [postings.map((t) => t[0]), postings.map((t) => t[1]), postings.map((t) => t[2])],
  );
  const dims = draft.manifest.embedder.dimensions;
  const ords = Array.from({ length: units[1] - units[0] }, (_, i) => i);
  const unit = (i: number) => draft.units[units[0] + i];
  await insertColumns(
    client,
    `INSERT INTO sentences (content_id, ord, start_offset, end_offset, kinds, names, embedding)
     SELECT ${id}, ord, s, e, kinds, names, v::vector FROM unnest($1::int[], $2::int[], $3::int[], $4::jsonb[], $5::jsonb[], $6::text[]) AS t(ord, s, e, kinds, names, v)`,
    [
      ords,
      ords.map((i) => unit(i).start),
      ords.map((i) => unit(i).end),
      ords.map((i) => JSON.stringify(unit(i).kinds)),
      ords.map((i) => JSON.stringify(unit(i).names)),
      ords.map((i) => toPgVector(draft.vectors.subarray((units[0] + i) * dims, (units[0] + i + 1) * dims))),
    ],
  );
  const sentenceTerms = ords.flatMap((i) => [...new Set(terms(d.text.slice(unit(i).start, unit(i).end)))].map((t) => [t, i] as const));
  await insertColumns(
    client,
    `INSERT INTO sentence_terms (term, content_id, ord) SELECT term, ${id}, ord FROM unnest($1::text[], $2::int[]) AS t(term, ord)`,
    [sentenceTerms.map((t) => t[0]), sentenceTerms.map((t) => t[1])],
    TERM_BATCH,
  );
  return id;
}

/**
 * Writes the draft as a new version (documents whose content is stored already are not written
 * again), makes it current in one UPDATE, and drops versions older than the one it replaces
 * (that one stays for requests still running on it) with the content only they held.
 */
async function writeVersion(client: Client, draft: IndexDraft): Promise<void> {
  const { embedder, chunking } = draft.manifest;
  if (embedder.dimensions !== PG_DIMENSIONS) {
    throw new AppError("bad_input", `The Postgres store holds ${PG_DIMENSIONS}-dimensional vectors, but the embedder "${embedder.id}" gives ${embedder.dimensions}: use the files store (INDEX_STORE=files) with this embedder.`);
  }
  const chunkingKey = JSON.stringify(chunking);
  const lexical = buildLexical(draft);
  const version = await client.query<{ id: string }>(
    "INSERT INTO index_versions (description, chunk_count, average_length) VALUES ($1, $2, $3) RETURNING id",
    [JSON.stringify(draft.manifest), draft.chunks.length, lexical.averageLength],
  );
  const id = Number(version.rows[0].id);
  let firstChunk = 0;
  let firstUnit = 0;
  for (const [position, d] of draft.documents.entries()) {
    const entry = draft.manifest.documents[position];
    const unitCount = countFrom(draft.units, firstUnit, d.docId);
    const key = { docId: d.docId, hash: entry.hash, title: d.title, embedder: embedder.id, chunking: chunkingKey };
    const content = (await findContent(client, key)) ?? (await insertContent(client, draft, position, key, [firstUnit, firstUnit + unitCount]));
    await client.query(
      `INSERT INTO version_documents (version, position, content_id, first_chunk, first_unit, source, published_at, format, bytes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, position, content, firstChunk, firstUnit, d.source, d.publishedAt, d.format, d.bytes],
    );
    firstChunk += entry.chunks;
    firstUnit += unitCount;
  }
  const replaced = await client.query<{ version: string | null }>("SELECT version FROM index_current");
  await client.query("UPDATE index_current SET version = $1", [id]);
  const previous = replaced.rows[0]?.version;
  if (previous !== null && previous !== undefined) {
    await client.query("DELETE FROM index_versions WHERE id < $1", [previous]);
    await client.query("DELETE FROM contents c WHERE NOT EXISTS (SELECT 1 FROM version_documents v WHERE v.content_id = c.id)");
  }
  // Fresh statistics for the planner now, not when autovacuum gets round to it (PGlite has none).
  await client.query("ANALYZE contents, chunks, sentences, postings, sentence_terms, version_documents");
}

/** How many units from `start` on belong to `docId` (a document's units are contiguous). */
function countFrom(units: IndexDraft["units"], start: number, docId: string): number {
  let n = 0;
  while (start + n < units.length && units[start + n].docId === docId) n++;
  return n;
}
