import type pg from "pg";
import { isMenu, isQuestion } from "@/lib/text/prose";
import { mostlyWithin, overlap } from "@/lib/text/spans";
import type { Chunk } from "@/lib/types";
import type { WordCasing } from "../casing";
import type { Unit } from "../format";
import type { IndexDescription, IndexSearch } from "../store";
import type { DocumentInfo, IndexView, ViewNeed } from "../view";
import { readPgVector } from "./vectors";

/** A document of the version, as the process keeps it: what it is, and where its rows are (not the rows). */
export type VersionDocument = { info: DocumentInfo; contentId: number; wideCharacters: boolean; firstUnit: number; unitCount: number; firstChunk: number; chunkCount: number };

/** What a process keeps of a version: its documents' places and the statistics that span the collection. */
export type VersionIndex = {
  pool: pg.Pool;
  manifest: IndexDescription;
  documents: VersionDocument[];
  /** The documents' infos, in order (one list, shared by every view). */
  infos: DocumentInfo[];
  search: IndexSearch;
  /** How many of the version's sentences hold each content term. */
  sentenceFrequencies: Map<string, number>;
  casing: WordCasing;
};

/** Sentences fetched around a chunk: the ranker looks six back for a heading, and one either side. */
const BEFORE = 6;
const AFTER = 1;

/** The chunks that overlap each unit ($1 unit, $2 content, $3 ord), and the chunks asked for ($4 content, $5 ord). */
const CHUNKS_SQL = `
  SELECT u.unit, ch.content_id, ch.ord, ch.chunk_id, ch.start_offset, ch.end_offset, ch.section
  FROM unnest($1::int[], $2::bigint[], $3::int[]) AS u(unit, cid, ord)
  JOIN sentences s ON s.content_id = u.cid AND s.ord = u.ord
  JOIN chunks ch ON ch.content_id = s.content_id AND ch.start_offset < s.end_offset AND ch.end_offset > s.start_offset
  UNION ALL
  SELECT NULL, ch.content_id, ch.ord, ch.chunk_id, ch.start_offset, ch.end_offset, ch.section
  FROM unnest($4::bigint[], $5::int[]) AS c(cid, ord)
  JOIN chunks ch ON ch.content_id = c.cid AND ch.ord = c.ord`;

/** Sentences by ord range ($1 content, $2 from, $3 to), and those touching spans ($4 content, $5 start, $6 end) with their neighbours. */
const SENTENCES_SQL = `
  WITH r AS (
    SELECT cid, lo, hi FROM unnest($1::bigint[], $2::int[], $3::int[]) AS r(cid, lo, hi)
    UNION ALL
    SELECT o.cid, min(s.ord) - ${BEFORE}, max(s.ord) + ${AFTER}
    FROM unnest($4::bigint[], $5::int[], $6::int[]) WITH ORDINALITY AS o(cid, s0, e0, n)
    JOIN sentences s ON s.content_id = o.cid AND s.end_offset > o.s0 AND s.start_offset < o.e0
    GROUP BY o.n, o.cid
  )
  SELECT DISTINCT ON (s.content_id, s.ord) s.content_id, s.ord, s.start_offset, s.end_offset, s.kinds, s.names, vector_send(s.embedding) AS embedding
  FROM r JOIN sentences s ON s.content_id = r.cid AND s.ord BETWEEN r.lo AND r.hi
  ORDER BY s.content_id, s.ord`;

/** Stretches of texts ($1 content, $2 start, $3 end; offsets are characters, so only texts without wide characters). */
const SLICES_SQL = `
  SELECT o.n, substr(c.text, o.s + 1, o.e - o.s) AS text
  FROM unnest($1::bigint[], $2::int[], $3::int[]) WITH ORDINALITY AS o(cid, s, e, n)
  JOIN contents c ON c.id = o.cid`;

type Stretch = { docId: string; start: number; end: number };

/**
 * The stretches of text that cover sentences and spans: a run of consecutive sentences is one
 * stretch (the space between them included), and overlapping stretches merge.
 */
function stretches(sentences: { docId: string; ord: number; start: number; end: number }[], spans: Stretch[]): Stretch[] {
  const runs: (Stretch & { ord: number })[] = [];
  for (const s of [...sentences].sort((a, b) => a.docId.localeCompare(b.docId) || a.ord - b.ord)) {
    const last = runs.at(-1);
    if (last && last.docId === s.docId && last.ord + 1 === s.ord) Object.assign(last, { ord: s.ord, end: Math.max(last.end, s.end) });
    else runs.push({ ...s });
  }
  const merged: Stretch[] = [];
  for (const s of [...runs.map(({ docId, start, end }) => ({ docId, start, end })), ...spans].sort((a, b) => a.docId.localeCompare(b.docId) || a.start - b.start)) {
    const last = merged.at(-1);
    if (last && last.docId === s.docId && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

type ChunkRow = { unit: number | null; content_id: string; ord: number; chunk_id: string; start_offset: number; end_offset: number; section: string[] };
type SentenceRow = { content_id: string; ord: number; start_offset: number; end_offset: number; kinds: Unit["kinds"]; names: Unit["names"]; embedding: Buffer };

/** The document holding item `n` (a unit or a chunk), by binary search over the documents' first items. */
function holder(documents: VersionDocument[], n: number, first: "firstUnit" | "firstChunk", count: "unitCount" | "chunkCount"): VersionDocument {
  let lo = 0;
  let hi = documents.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (documents[mid][first] <= n) lo = mid;
    else hi = mid - 1;
  }
  while (lo > 0 && documents[lo][count] === 0) lo--;
  return documents[lo];
}

/**
 * Views of a version, one per request: each starts empty and fetches the rows a request names, in
 * three rounds of queries a fetch (chunks; sentences with vectors; the stretches of text they lie in,
 * or whole texts where asked for or where offsets need it), then works out what the
 * files store works out at load (which chunks hold which sentences, questions, menus) for those rows.
 */
export function versionViews(index: VersionIndex): () => IndexView {
  const byId = new Map(index.documents.map((d) => [d.info.docId, d]));
  const byContent = new Map(index.documents.map((d) => [d.contentId, d]));
  const infoById = new Map(index.documents.map((d) => [d.info.docId, d.info]));
  return () => requestView(index, byId, byContent, infoById);
}

function requestView(index: VersionIndex, byId: Map<string, VersionDocument>, byContent: Map<number, VersionDocument>, infoById: Map<string, DocumentInfo>): IndexView {
  const { pool, documents } = index;
  const dimensions = index.manifest.embedder.dimensions;
  const units: Unit[] = [];
  const vectors: Float32Array[] = [];
  const chunks: Chunk[] = [];
  const unitChunks: number[][] = [];
  const chunkUnits: number[][] = [];
  const unitIsQuestion: boolean[] = [];
  const chunkProse: number[] = [];
  /** Whole texts (documents asked for whole, and texts with wide characters), and the stretches fetched of the others. */
  const texts = new Map<string, string>();
  const pieces = new Map<string, { start: number; text: string }[]>();
  /** The fetched units of each document. */
  const fetched = new Map<string, number[]>();
  const unitDoc = (u: number) => holder(documents, u, "firstUnit", "unitCount");
  const chunkDoc = (c: number) => holder(documents, c, "firstChunk", "chunkCount");
  const inRange = (n: number, first: number, count: number) => Number.isInteger(n) && n >= first && n < first + count;
  const total = index.manifest.counts;

  async function fetchTexts(docIds: string[]): Promise<Map<string, string>> {
    if (!docIds.length) return new Map();
    const { rows } = await pool.query<{ doc_id: string; text: string }>(
      "SELECT doc_id, text FROM contents WHERE id = ANY($1::bigint[])",
      [docIds.map((id) => byId.get(id)!.contentId)],
    );
    return new Map(rows.map((r) => [r.doc_id, r.text]));
  }

  async function fetchStretches(list: Stretch[]): Promise<{ start: number; docId: string; text: string }[]> {
    if (!list.length) return [];
    const { rows } = await pool.query<{ n: string; text: string }>(SLICES_SQL, [list.map((s) => byId.get(s.docId)!.contentId), list.map((s) => s.start), list.map((s) => s.end)]);
    return rows.map((r) => ({ ...list[Number(r.n) - 1], text: r.text }));
  }

  function slice(docId: string, start: number, end: number): string {
    const whole = texts.get(docId);
    if (whole !== undefined) return whole.slice(start, end);
    const piece = pieces.get(docId)?.find((p) => p.start <= start && end <= p.start + p.text.length);
    if (piece) return piece.text.slice(start - piece.start, end - piece.start);
    if (!byId.has(docId)) return "";
    throw new Error(`${docId} [${start}, ${end}) was read before it was fetched`);
  }

  async function fetchChunks(newUnits: number[], wanted: number[]): Promise<ChunkRow[]> {
    if (!newUnits.length && !wanted.length) return [];
    const ud = newUnits.map(unitDoc);
    const cd = wanted.map(chunkDoc);
    const { rows } = await pool.query<ChunkRow>(CHUNKS_SQL, [
      newUnits,
      ud.map((d) => d.contentId),
      newUnits.map((u, i) => u - ud[i].firstUnit),
      cd.map((d) => d.contentId),
      wanted.map((c, i) => c - cd[i].firstChunk),
    ]);
    return rows;
  }

  async function fetchSentences(ranges: [VersionDocument, number, number][], spans: [VersionDocument, number, number][]): Promise<SentenceRow[]> {
    if (!ranges.length && !spans.length) return [];
    const column = <T>(list: T[][], i: number) => list.map((r) => r[i]);
    const { rows } = await pool.query<SentenceRow>(SENTENCES_SQL, [
      ranges.map((r) => r[0].contentId),
      column(ranges, 1),
      column(ranges, 2),
      spans.map((s) => s[0].contentId),
      column(spans, 1),
      column(spans, 2),
    ]);
    return rows;
  }

  function addSentence(r: SentenceRow): number {
    const d = byContent.get(Number(r.content_id))!;
    const unit = d.firstUnit + r.ord;
    if (units[unit]) return unit;
    units[unit] = { docId: d.info.docId, start: r.start_offset, end: r.end_offset, kinds: r.kinds, names: r.names };
    const vector = new Float32Array(dimensions);
    readPgVector(r.embedding, vector, 0);
    vectors[unit] = vector;
    unitIsQuestion[unit] = isQuestion(unitTextOf(unit));
    const list = fetched.get(d.info.docId);
    if (list) list.push(unit);
    else fetched.set(d.info.docId, [unit]);
    return unit;
  }

  function unitTextOf(unit: number): string {
    const u = units[unit];
    return slice(u.docId, u.start, u.end);
  }

  /** As linkUnits in ../store.ts: a chunk's units are the sentences mostly inside it, in order. */
  function addChunk(c: number, row: ChunkRow): void {
    const { docId } = chunkDoc(c).info;
    const chunk: Chunk = { chunkId: row.chunk_id, docId, text: slice(docId, row.start_offset, row.end_offset), start: row.start_offset, end: row.end_offset, section: row.section };
    const inside = (fetched.get(docId) ?? []).filter((u) => overlap(units[u], chunk) > 0 && mostlyWithin(units[u], chunk)).sort((a, b) => a - b);
    chunks[c] = chunk;
    chunkUnits[c] = inside;
    chunkProse[c] = inside.length ? inside.filter((u) => !isMenu(unitTextOf(u))).length / inside.length : 1;
  }

  const view: IndexView = {
    ...index.search,
    manifest: index.manifest,
    documents: index.infos,
    documentById: infoById,
    units,
    chunks,
    unitChunks,
    chunkUnits,
    unitIsQuestion,
    chunkProse,
    vectorOf: (unit) => vectors[unit],
    documentText: (docId) => texts.get(docId),
    documentSlice: slice,
    documentUnits(docId) {
      const d = byId.get(docId);
      return d ? [d.firstUnit, d.firstUnit + d.unitCount] : [0, 0];
    },
    sentenceCount: total.units,
    sentenceFrequency: (term) => index.sentenceFrequencies.get(term) ?? 0,
    writtenOnlyCapitalised: (word) => index.casing.onlyCapitalised(word),
    async fetch(need: ViewNeed) {
      const newUnits = [...new Set(need.units ?? [])].filter((u) => inRange(u, 0, total.units) && !unitChunks[u]);
      const wanted = [...new Set(need.chunks ?? [])].filter((c) => inRange(c, 0, total.chunks) && !chunks[c]);
      const spans = (need.spans ?? []).filter((s) => byId.has(s.docId));
      const read = [...spans.map((s) => s.docId), ...newUnits.map((u) => unitDoc(u).info.docId), ...wanted.map((c) => chunkDoc(c).info.docId)];
      const whole = new Set([...(need.documents ?? []).filter((id) => byId.has(id)), ...read.filter((id) => byId.get(id)!.wideCharacters)]);
      const textsFetched = fetchTexts([...whole].filter((id) => !texts.has(id)));
      const chunkRows = await fetchChunks(newUnits, wanted);
      const rowOf = new Map<number, ChunkRow>();
      const overlapping = new Map<number, number[]>();
      for (const row of chunkRows) {
        const c = byContent.get(Number(row.content_id))!.firstChunk + row.ord;
        rowOf.set(c, row);
        if (row.unit !== null) overlapping.set(row.unit, [...(overlapping.get(row.unit) ?? []), c]);
      }
      const newChunks = [...rowOf.keys()].filter((c) => !chunks[c]);
      const ranges = newUnits.map((u): [VersionDocument, number, number] => {
        const d = unitDoc(u);
        return [d, u - d.firstUnit, u - d.firstUnit];
      });
      const touched = [
        ...newChunks.map((c): [VersionDocument, number, number] => [chunkDoc(c), rowOf.get(c)!.start_offset, rowOf.get(c)!.end_offset]),
        ...spans.map((s): [VersionDocument, number, number] => [byId.get(s.docId)!, s.start, s.end]),
      ];
      const sentenceRows = await fetchSentences(ranges, touched);
      const sliced = (docId: string) => !whole.has(docId) && !texts.has(docId);
      const sentenceSpans = sentenceRows.map((r) => {
        const d = byContent.get(Number(r.content_id))!;
        return { docId: d.info.docId, ord: r.ord, start: r.start_offset, end: r.end_offset };
      });
      const [newTexts, newPieces] = await Promise.all([
        textsFetched,
        fetchStretches(stretches(sentenceSpans.filter((s) => sliced(s.docId)), touched.map(([d, start, end]) => ({ docId: d.info.docId, start, end })).filter((s) => sliced(s.docId)))),
      ]);
      // Everything fetched is added at once, after the queries: a concurrent fetch sees a row whole or not at all.
      for (const [docId, text] of newTexts) if (!texts.has(docId)) texts.set(docId, text);
      for (const p of newPieces) pieces.set(p.docId, [...(pieces.get(p.docId) ?? []), { start: p.start, text: p.text }]);
      for (const row of sentenceRows) addSentence(row);
      for (const c of newChunks) if (!chunks[c]) addChunk(c, rowOf.get(c)!);
      for (const u of newUnits) {
        unitChunks[u] ??= (overlapping.get(u) ?? []).filter((c) => mostlyWithin(units[u], chunks[c])).sort((a, b) => a - b);
      }
    },
  };
  return view;
}
