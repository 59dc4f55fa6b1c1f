import { unitText, type IndexStore } from "@/lib/index/store";
import { terms } from "@/lib/text/normalize";
import type { AnswerKind } from "@/lib/text/answer-kinds";

/** Per-sentence facts the ranking features read, computed once per loaded index. */
export type SentenceStats = {
  /** Content terms of each sentence. */
  terms: Set<string>[];
  /** Inverse sentence frequency of a term: rare words weigh more. */
  idf(term: string): number;
  /** The kinds of answer a sentence can give (a date, a person…), as ingestion read them. */
  kinds(unit: number): Set<AnswerKind>;
  /** The people, places and organisations a sentence names, as content terms. */
  entities(unit: number): { kind: AnswerKind; terms: string[] }[];
  /** Content terms of a chunk, worked out on first use. */
  chunkTerms(chunk: number): Set<string>;
  /** The sentences that use a term. */
  unitsWith(term: string): number[];
  /** Whether any sentence uses the term. */
  known(term: string): boolean;
  /** The question-shaped heading a sentence sits under ("Why is Ukraine not in Nato?"), or -1. */
  heading: Int32Array;
  /** The document's age rank among the collection's dated documents: 1 newest, 0 oldest or undated. */
  recency: Map<string, number>;
};

/** How far below a question-shaped heading its sentences still answer it. */
const HEADING_REACH = 6;

const cache = new WeakMap<IndexStore, SentenceStats>();

/**
 * Sentence-level idf: with few chunks (a one-document collection) chunk-level idf collapses,
 * while sentences stay numerous enough to tell rare words from common ones.
 */
function sentenceFrequencies(sentenceTerms: Set<string>[]): Pick<SentenceStats, "idf" | "known" | "unitsWith"> {
  const postings = new Map<string, number[]>();
  sentenceTerms.forEach((set, unit) => {
    for (const t of set) {
      const units = postings.get(t);
      if (units) units.push(unit);
      else postings.set(t, [unit]);
    }
  });
  const n = sentenceTerms.length;
  const df = (term: string) => postings.get(term)?.length ?? 0;
  return { idf: (term) => Math.log((n + 1) / (df(term) + 0.5)), known: (term) => postings.has(term), unitsWith: (term) => postings.get(term) ?? [] };
}

function headings(store: IndexStore): Int32Array {
  const out = new Int32Array(store.units.length).fill(-1);
  let last = -1;
  store.units.forEach((u, i) => {
    if (i > 0 && store.units[i - 1].docId !== u.docId) last = -1;
    if (store.unitIsQuestion[i]) last = i;
    else if (last >= 0 && i - last <= HEADING_REACH) out[i] = last;
  });
  return out;
}

function recencies(store: IndexStore): Map<string, number> {
  const year = (d: { publishedAt: string | null }) => Number((d.publishedAt ?? "").slice(0, 4)) || null;
  const years = store.documents.map(year).filter((y): y is number => y !== null);
  const [min, max] = [Math.min(...years), Math.max(...years)];
  return new Map(store.documents.map((d) => [d.docId, max > min && year(d) ? (year(d)! - min) / (max - min) : 0]));
}

export function sentenceStats(store: IndexStore): SentenceStats {
  let stats = cache.get(store);
  if (!stats) {
    const sentenceTerms = store.units.map((_, i) => new Set(terms(unitText(store, i))));
    const kinds: Set<AnswerKind>[] = [];
    const chunkTerms: Set<string>[] = [];
    const entities: { kind: AnswerKind; terms: string[] }[][] = [];
    stats = {
      terms: sentenceTerms,
      ...sentenceFrequencies(sentenceTerms),
      heading: headings(store),
      recency: recencies(store),
      kinds: (unit) => (kinds[unit] ??= new Set(store.units[unit].kinds)),
      entities: (unit) => (entities[unit] ??= store.units[unit].names.map((e) => ({ kind: e.kind, terms: terms(e.text) }))),
      chunkTerms: (chunk) => (chunkTerms[chunk] ??= new Set(terms(store.chunks[chunk].text))),
    };
    cache.set(store, stats);
  }
  return stats;
}

