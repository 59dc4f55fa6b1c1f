import { AppError } from "@/lib/errors";
import type { DocumentRecord } from "@/lib/types";
import { wordCasing, type WordCasing } from "../casing";
import { refuseOtherEmbedder, textHash } from "../check";
import type { IndexDescription } from "../store";
import type { IndexStore } from "../view";
import { noIndex, type VersionStats } from "./load";
import { inTransaction, poolFor } from "./pool";
import { postgresSearch, singleWordFrequencies } from "./search";
import { versionViews, type VersionDocument } from "./view";

type Client = Parameters<Parameters<typeof inTransaction>[2]>[0];

/** Documents whose texts are read at once while the word casing is worked out. */
const TEXT_BATCH = 50;

const damaged = (problem: string) => new AppError("index_incompatible", `The index in the database is damaged (${problem}): run \`npm run ingest\` to rebuild it.`);

async function readHead(client: Client, version: number): Promise<{ manifest: IndexDescription; stats: VersionStats }> {
  const { rows } = await client.query<{ description: IndexDescription; chunk_count: number; average_length: number }>(
    "SELECT description, chunk_count, average_length FROM index_versions WHERE id = $1",
    [version],
  );
  if (!rows.length) throw noIndex();
  const manifest = rows[0].description;
  return { manifest, stats: { version, chunkCount: rows[0].chunk_count, averageLength: rows[0].average_length, dimensions: manifest.embedder.dimensions } };
}

/** The version's documents without their text, with where their sentences and chunks are; checked against the manifest. */
async function readDocuments(client: Client, version: number, manifest: IndexDescription): Promise<VersionDocument[]> {
  const { rows } = await client.query<{
    content_id: string;
    doc_id: string;
    title: string;
    source: string | null;
    published_at: string | null;
    format: DocumentRecord["format"];
    bytes: number;
    pages: number[] | null;
    first_unit: number;
    first_chunk: number;
    wide_characters: boolean;
    unit_count: number;
    chunk_count: number;
  }>(
    `SELECT c.id AS content_id, c.doc_id, c.title, v.source, v.published_at, v.format, v.bytes, c.pages, v.first_unit, v.first_chunk, c.wide_characters,
       (SELECT count(*) FROM sentences s WHERE s.content_id = c.id)::int AS unit_count,
       (SELECT count(*) FROM chunks ch WHERE ch.content_id = c.id)::int AS chunk_count
     FROM version_documents v JOIN contents c ON c.id = v.content_id WHERE v.version = $1 ORDER BY v.position`,
    [version],
  );
  let units = 0;
  let chunks = 0;
  const documents = rows.map((r, i): VersionDocument => {
    if (manifest.documents[i]?.docId !== r.doc_id || r.first_unit !== units || r.first_chunk !== chunks) throw damaged(`document ${i + 1} does not match the manifest`);
    units += r.unit_count;
    chunks += r.chunk_count;
    return {
      info: { docId: r.doc_id, title: r.title, source: r.source, publishedAt: r.published_at, format: r.format, bytes: r.bytes, ...(r.pages ? { pages: r.pages } : {}) },
      contentId: Number(r.content_id), wideCharacters: r.wide_characters, firstUnit: r.first_unit, unitCount: r.unit_count, firstChunk: r.first_chunk, chunkCount: r.chunk_count,
    };
  });
  const { counts } = manifest;
  if (documents.length !== counts.documents || units !== counts.units || chunks !== counts.chunks) throw damaged("the counts do not match the manifest");
  return documents;
}

/**
 * Reads every text once, a batch at a time, for the words the documents write only capitalised
 * (verification's names), checking each against the manifest's hash; no text is kept.
 */
async function readCasing(client: Client, version: number, manifest: IndexDescription): Promise<WordCasing> {
  const casing = wordCasing();
  for (let from = 0; from < manifest.documents.length; from += TEXT_BATCH) {
    const { rows } = await client.query<{ position: number; text: string }>(
      `SELECT v.position, c.text FROM version_documents v JOIN contents c ON c.id = v.content_id
       WHERE v.version = $1 AND v.position >= $2 AND v.position < $3 ORDER BY v.position`,
      [version, from, from + TEXT_BATCH],
    );
    for (const r of rows) {
      if (textHash(r.text) !== manifest.documents[r.position]?.textHash) throw damaged(`document ${r.position + 1} does not match the manifest`);
      casing.add(r.text);
    }
  }
  return casing;
}

async function sentenceFrequencies(client: Client, version: number): Promise<Map<string, number>> {
  const { rows } = await client.query<{ term: string; n: number }>(
    `SELECT st.term, count(*)::int AS n FROM sentence_terms st JOIN version_documents v ON v.content_id = st.content_id AND v.version = $1 GROUP BY st.term`,
    [version],
  );
  return new Map(rows.map((r) => [r.term, r.n]));
}

/**
 * Loads one version from one snapshot: where each document's rows are, and the statistics over
 * the whole collection (term frequencies, word casing). Texts, chunks, sentences and vectors stay
 * in the database: each request's view fetches the ones it reads (view.ts).
 */
export async function loadPostgresIndex(url: string, version: number, embedderId?: string): Promise<IndexStore> {
  const pool = poolFor(url);
  const loaded = await inTransaction(pool, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", async (client) => {
    const { manifest, stats } = await readHead(client, version);
    refuseOtherEmbedder(manifest.embedder.id, embedderId);
    const documents = await readDocuments(client, version, manifest);
    const casing = await readCasing(client, version, manifest);
    return { manifest, stats, documents, casing, frequencies: await singleWordFrequencies(client, version), sentences: await sentenceFrequencies(client, version) };
  });
  const index = {
    pool,
    manifest: loaded.manifest,
    documents: loaded.documents,
    infos: loaded.documents.map((d) => d.info),
    search: postgresSearch(pool, loaded.stats, loaded.frequencies),
    sentenceFrequencies: loaded.sentences,
    casing: loaded.casing,
  };
  return { manifest: loaded.manifest, view: versionViews(index) };
}
