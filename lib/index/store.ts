import hnswlib from "hnswlib-node";
import type { Chunk, DocumentRecord } from "@/lib/types";
import { HNSW_PARAMS, type IndexManifest, type Unit } from "./format";
import { isMenu, isQuestion } from "@/lib/text/prose";
import { mostlyWithin } from "@/lib/text/spans";
import { buildLexicalIndex, type LexicalIndex } from "./lexical";

/** What an index holds on disk, before the search structures are built or loaded. */
export type IndexData = {
  manifest: IndexManifest;
  documents: DocumentRecord[];
  chunks: Chunk[];
  units: Unit[];
  /** units.length × dimensions, row-major, unit length rows. */
  vectors: Float32Array;
};

/** A loaded index, ready to search. */
export type IndexStore = IndexData & {
  documentById: Map<string, DocumentRecord>;
  dense: hnswlib.HierarchicalNSW;
  lexical: LexicalIndex;
  /** For each unit, the chunks that contain it; for each chunk, its units. */
  unitChunks: number[][];
  chunkUnits: number[][];
  unitIsQuestion: boolean[];
  /** Share of each chunk's sentences that are prose rather than menus: page furniture ranks lower. */
  chunkProse: number[];
};

/** What reading vectors needs: the rows and their width. */
type Vectors = Pick<IndexData, "vectors"> & { manifest: Pick<IndexManifest, "embedder"> };

export function unitVector(data: Vectors, unit: number): Float32Array {
  const d = data.manifest.embedder.dimensions;
  return data.vectors.subarray(unit * d, (unit + 1) * d);
}

/** A sentence's text, as its document has it. */
export function unitText(store: Pick<IndexStore, "units" | "documentById">, unit: number): string {
  const u = store.units[unit];
  return store.documentById.get(u.docId)!.text.slice(u.start, u.end);
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
  for (let i = 0; i < data.units.length; i++) index.addPoint(Array.from(unitVector(data, i)), i);
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

export function assembleStore(data: IndexData, dense: hnswlib.HierarchicalNSW, lexical: LexicalIndex): IndexStore {
  dense.setEf(HNSW_PARAMS.efSearch);
  const textById = new Map(data.documents.map((d) => [d.docId, d.text]));
  const unitTexts = data.units.map((u) => textById.get(u.docId)!.slice(u.start, u.end));
  const links = linkUnits(data.chunks, data.units);
  const menu = unitTexts.map(isMenu);
  return {
    ...data,
    documentById: new Map(data.documents.map((d) => [d.docId, d])),
    dense,
    lexical,
    ...links,
    unitIsQuestion: unitTexts.map(isQuestion),
    chunkProse: links.chunkUnits.map((units) => (units.length ? units.filter((u) => !menu[u]).length / units.length : 1)),
  };
}
