import hnswlib from "hnswlib-node";
import type { Chunk, DocumentRecord } from "@/lib/types";
import { HNSW_PARAMS, type IndexManifest, type Unit } from "./format";
import { isMenu, isQuestion } from "@/lib/text/prose";
import { mostlyWithin } from "@/lib/text/spans";
import { wordCasing } from "./casing";
import { buildLexicalIndex, searchLexical, termIdf, type LexicalHit, type LexicalIndex } from "./lexical";
import { buildSentenceTerms, type TermGroup } from "./sentence-terms";
import { unitText, type IndexStore, type IndexView } from "./view";

/** What an index holds on disk, before the search structures are built or loaded. */
export type IndexData = {
  manifest: IndexManifest;
  documents: DocumentRecord[];
  chunks: Chunk[];
  units: Unit[];
  /** units.length × dimensions, row-major, unit length rows. */
  vectors: Float32Array;
};

/** What the index says about itself, whichever store holds it (the files store adds checksums). */
export type IndexDescription = Omit<IndexManifest, "files">;

/**
 * The searches a store answers, in memory (files store) or in SQL (Postgres store): the
 * retrieval and ranking code above calls only these.
 */
export type IndexSearch = {
  /** The `k` sentences (units) nearest a unit-length vector, nearest first, with their cosine similarity. */
  searchDense(vector: Float32Array, k: number): Promise<{ unit: number; similarity: number }[]>;
  /** The best `k` chunks for a query by BM25 (lexical.ts), best first. */
  searchLexical(query: string, k: number): Promise<LexicalHit[]>;
  /** BM25's idf of one term over the chunks (for verification's term weights). */
  termIdf(term: string): number;
  /** The `k` sentences holding the most weight of the groups' words (sentence-terms.ts), best first. */
  searchSentenceTerms(groups: TermGroup[], k: number): Promise<number[]>;
};

/** An index's content as any store holds it: IndexData without the files' checksums. */
export type StoreData = Omit<IndexData, "manifest"> & { manifest: IndexDescription };

/** An index held whole in memory (the files store): every request's view is the index itself. */
export type MemoryIndex = StoreData & Omit<IndexView, "documentById"> & IndexStore & {
  documentById: Map<string, DocumentRecord>;
  unitChunks: number[][];
  chunkUnits: number[][];
  unitIsQuestion: boolean[];
  chunkProse: number[];
};

/** What reading vectors needs: the rows and their width. */
type Vectors = Pick<IndexData, "vectors"> & { manifest: Pick<IndexManifest, "embedder"> };

/** Row `unit` of a vectors array. */
export function vectorRow(data: Vectors, unit: number): Float32Array {
  const d = data.manifest.embedder.dimensions;
  return data.vectors.subarray(unit * d, (unit + 1) * d);
}

/** The text BM25 sees for a chunk: its document title and section path weigh in too. */
export function lexicalField(chunk: Chunk, title: string): string {
  return [title, ...chunk.section, chunk.text].join("\n");
}

export function buildLexical(data: Pick<IndexData, "chunks" | "documents">): LexicalIndex {
  const titles = new Map(data.documents.map((d) => [d.docId, d.title]));
  return buildLexicalIndex(data.chunks.map((c) => lexicalField(c, titles.get(c.docId) ?? "")));
}

export function buildDense(data: Vectors & Pick<IndexData, "units">): hnswlib.HierarchicalNSW {
  const index = new hnswlib.HierarchicalNSW("cosine", data.manifest.embedder.dimensions);
  index.initIndex(Math.max(1, data.units.length), HNSW_PARAMS.m, HNSW_PARAMS.efConstruction, 42);
  for (let i = 0; i < data.units.length; i++) index.addPoint(Array.from(vectorRow(data, i)), i);
  index.setEf(HNSW_PARAMS.efSearch);
  return index;
}

/**
 * A unit belongs to every chunk that holds most of it (overlapping chunks share units). A
 * document's units are in order and do not overlap (checked at load), so each chunk looks only
 * at the units it meets, found by binary search: linear in the index, not units × chunks.
 */
function linkUnits(chunks: Chunk[], units: Unit[]) {
  const unitChunks: number[][] = units.map(() => []);
  const chunkUnits: number[][] = chunks.map(() => []);
  const byDoc = new Map<string, number[]>();
  units.forEach((u, i) => {
    const list = byDoc.get(u.docId);
    if (list) list.push(i);
    else byDoc.set(u.docId, [i]);
  });
  chunks.forEach((c, ci) => {
    const docUnits = byDoc.get(c.docId) ?? [];
    for (let k = firstEndingAfter(units, docUnits, c.start); k < docUnits.length && units[docUnits[k]].start < c.end; k++) {
      const ui = docUnits[k];
      if (mostlyWithin(units[ui], c)) {
        unitChunks[ui].push(ci);
        chunkUnits[ci].push(ui);
      }
    }
  });
  return { unitChunks, chunkUnits };
}

/** The first of a document's ordered units that ends after `offset`. */
function firstEndingAfter(units: Unit[], docUnits: number[], offset: number): number {
  let lo = 0;
  let hi = docUnits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (units[docUnits[mid]].end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Search in memory: hnswlib's graph and the BM25 postings (the files store); sentences are searched by assembleStore. */
export function memorySearch(dense: hnswlib.HierarchicalNSW, lexical: LexicalIndex): Omit<IndexSearch, "searchSentenceTerms"> {
  dense.setEf(HNSW_PARAMS.efSearch);
  return {
    async searchDense(vector, k) {
      const n = Math.min(k, dense.getCurrentCount());
      if (n === 0) return [];
      const { neighbors, distances } = dense.searchKnn(Array.from(vector), n);
      return neighbors.map((unit, i) => ({ unit, similarity: 1 - distances[i] }));
    },
    searchLexical: async (query, k) => searchLexical(lexical, query, k),
    termIdf: (term) => termIdf(lexical, term),
  };
}


/** A value worked out on first use. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export function assembleStore(data: StoreData, search: Omit<IndexSearch, "searchSentenceTerms">): MemoryIndex {
  const textById = new Map(data.documents.map((d) => [d.docId, d.text]));
  const unitTexts = data.units.map((u) => textById.get(u.docId)!.slice(u.start, u.end));
  const links = linkUnits(data.chunks, data.units);
  const menu = unitTexts.map(isMenu);
  const documentById = new Map(data.documents.map((d) => [d.docId, d]));
  const unitRanges = new Map<string, [number, number]>();
  data.units.forEach((u, i) => {
    const range = unitRanges.get(u.docId);
    if (range) range[1] = i + 1;
    else unitRanges.set(u.docId, [i, i + 1]);
  });
  const sentenceTerms = lazy(() => buildSentenceTerms(data.units.map((_, i) => unitText(index, i))));
  const casing = lazy(() => {
    const c = wordCasing();
    for (const d of data.documents) c.add(d.text);
    return c;
  });
  const index: MemoryIndex = {
    ...data,
    documentById,
    searchDense: search.searchDense,
    searchLexical: search.searchLexical,
    termIdf: search.termIdf,
    searchSentenceTerms: async (groups, k) => sentenceTerms().search(groups, k),
    ...links,
    unitIsQuestion: unitTexts.map(isQuestion),
    chunkProse: links.chunkUnits.map((units) => (units.length ? units.filter((u) => !menu[u]).length / units.length : 1)),
    vectorOf: (unit) => vectorRow(data, unit),
    documentText: (docId) => documentById.get(docId)?.text,
    documentSlice: (docId, start, end) => documentById.get(docId)?.text.slice(start, end) ?? "",
    documentUnits: (docId) => unitRanges.get(docId) ?? [0, 0],
    sentenceCount: data.units.length,
    sentenceFrequency: (term) => sentenceTerms().frequency(term),
    writtenOnlyCapitalised: (word) => casing().onlyCapitalised(word),
    fetch: async () => {},
    view: () => index,
  };
  return index;
}
