import type { Chunk, DocumentRecord } from "@/lib/types";
import type { Unit } from "./format";
import type { IndexDescription, IndexSearch } from "./store";

/** A document as the index lists it, without its text. */
export type DocumentInfo = Omit<DocumentRecord, "text">;

/** A span of a document, as citations give them. */
export type DocumentSpan = { docId: string; start: number; end: number };

/** What a request is about to read, for a view to fetch first (a store that holds everything fetches nothing). */
export type ViewNeed = {
  /** Sentences (units): their rows, and every chunk holding them (unitChunks) with its rows. */
  units?: number[];
  /** Chunks: their rows and sentences (chunkUnits), with the six sentences before and the one after. */
  chunks?: number[];
  /** Spans of documents: the sentences they touch, with the same neighbours. */
  spans?: DocumentSpan[];
  /** Documents whose whole text is read (documentText); the others' texts are fetched only where their rows lie (documentSlice). */
  documents?: string[];
};

/**
 * What one request reads of an index: the searches, corpus statistics, and the rows of the
 * sentences and chunks it fetched. Unit and chunk numbers index the whole index; a row the view
 * did not fetch is undefined. The files store is its own view (everything is in memory); the
 * Postgres store gives each request a view of its own, filled by `fetch`.
 */
export type IndexView = IndexSearch & {
  manifest: IndexDescription;
  /** Every document, in index order. */
  documents: readonly DocumentInfo[];
  documentById: ReadonlyMap<string, DocumentInfo>;
  units: ArrayLike<Unit>;
  chunks: ArrayLike<Chunk>;
  /** For each fetched unit, the chunks that contain it; for each fetched chunk, its units. */
  unitChunks: ArrayLike<number[]>;
  chunkUnits: ArrayLike<number[]>;
  unitIsQuestion: ArrayLike<boolean>;
  /** Share of each chunk's sentences that are prose rather than menus: page furniture ranks lower. */
  chunkProse: ArrayLike<number>;
  /** A fetched unit's vector (unit length). */
  vectorOf(unit: number): Float32Array;
  /** The whole text of a document fetched whole (ViewNeed.documents). */
  documentText(docId: string): string | undefined;
  /** A document's text between two offsets, where the view fetched it (around its units, chunks and spans); "" for no such document. */
  documentSlice(docId: string, start: number, end: number): string;
  /** The units of a document: [first, end). */
  documentUnits(docId: string): [number, number];
  /** How many sentences the index holds, and how many hold a content term (sentence-level idf). */
  sentenceCount: number;
  sentenceFrequency(term: string): number;
  /** Whether the documents write a word only capitalised (a name: "Sweden", not "The"). */
  writtenOnlyCapitalised(word: string): boolean;
  /** Fetches what `need` names, if not fetched yet. */
  fetch(need: ViewNeed): Promise<void>;
};

/** A loaded index as a process holds it: a view for each request. */
export type IndexStore = {
  manifest: IndexDescription;
  view(): IndexView;
};

export function unitVector(view: Pick<IndexView, "vectorOf">, unit: number): Float32Array {
  return view.vectorOf(unit);
}

/** A sentence's text, as its document has it. */
export function unitText(view: Pick<IndexView, "units" | "documentSlice">, unit: number): string {
  const u = view.units[unit];
  return view.documentSlice(u.docId, u.start, u.end);
}

/** One document with its text, or undefined when the index has none by that id. */
export async function readDocument(view: IndexView, docId: string): Promise<DocumentRecord | undefined> {
  const info = view.documentById.get(docId);
  if (!info) return undefined;
  await view.fetch({ documents: [docId] });
  return { ...info, text: view.documentText(docId)! };
}
