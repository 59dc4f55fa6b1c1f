import { unitText, type IndexView } from "@/lib/index/view";
import { terms } from "@/lib/text/normalize";
import { sameInfoboxEntry } from "@/lib/text/prose";
import type { AnswerKind } from "@/lib/text/answer-kinds";

/** Per-sentence facts the ranking features read, worked out on first use for each view (once for the files store). */
export type SentenceStats = {
  /** Content terms of a sentence; an infobox line's hold its entry's other half ("Leader Title4: …" for "Leader Name4: …"). */
  terms(unit: number): Set<string>;
  /** Inverse sentence frequency of a term: rare words weigh more. */
  idf(term: string): number;
  /** The kinds of answer a sentence can give (a date, a person…), as ingestion read them. */
  kinds(unit: number): Set<AnswerKind>;
  /** The people, places and organisations a sentence names, as content terms. */
  entities(unit: number): { kind: AnswerKind; terms: string[] }[];
  /** Content terms of a chunk, worked out on first use. */
  chunkTerms(chunk: number): Set<string>;
  /** Whether any sentence uses the term. */
  known(term: string): boolean;
  /** The question-shaped heading a sentence sits under ("Why is Ukraine not in Nato?"), or -1. */
  heading(unit: number): number;
  /** The document's age rank among the collection's dated documents: 1 newest, 0 oldest or undated. */
  recency: Map<string, number>;
};

/** How far below a question-shaped heading its sentences still answer it. */
const HEADING_REACH = 6;

const cache = new WeakMap<IndexView, SentenceStats>();
/** Per list of documents, so that every view of one index shares it. */
const recencyCache = new WeakMap<IndexView["documents"], Map<string, number>>();

/**
 * Sentence-level idf: with few chunks (a one-document collection) chunk-level idf collapses,
 * while sentences stay numerous enough to tell rare words from common ones.
 */
const sentenceIdf = (store: IndexView, term: string) => Math.log((store.sentenceCount + 1) / (store.sentenceFrequency(term) + 0.5));

/** The line next to an infobox line that completes its entry ("Leader Title2: …" beside "Leader Name2: …"), or -1. */
function infoboxPartner(store: IndexView, unit: number): number {
  const text = unitText(store, unit);
  return [unit - 1, unit + 1].find((n) => store.units[n]?.docId === store.units[unit].docId && sameInfoboxEntry(text, unitText(store, n))) ?? -1;
}

/** The terms of a sentence, with those of its infobox entry's other half. */
function termsWithEntry(store: IndexView, unit: number): Set<string> {
  const partner = infoboxPartner(store, unit);
  return new Set(terms(partner < 0 ? unitText(store, unit) : `${unitText(store, unit)} ${unitText(store, partner)}`));
}

/** The nearest question before the sentence in its document, at most HEADING_REACH back; -1 for a question itself. */
function headingOf(store: IndexView, unit: number): number {
  if (store.unitIsQuestion[unit]) return -1;
  const docId = store.units[unit].docId;
  for (let j = unit - 1; j >= 0 && unit - j <= HEADING_REACH; j--) {
    if (store.units[j]?.docId !== docId) return -1;
    if (store.unitIsQuestion[j]) return j;
  }
  return -1;
}

function recencies(documents: IndexView["documents"]): Map<string, number> {
  let out = recencyCache.get(documents);
  if (!out) {
    const year = (d: { publishedAt: string | null }) => Number((d.publishedAt ?? "").slice(0, 4)) || null;
    const years = documents.map(year).filter((y): y is number => y !== null);
    const [min, max] = [Math.min(...years), Math.max(...years)];
    out = new Map(documents.map((d) => [d.docId, max > min && year(d) ? (year(d)! - min) / (max - min) : 0]));
    recencyCache.set(documents, out);
  }
  return out;
}

export function sentenceStats(store: IndexView): SentenceStats {
  let stats = cache.get(store);
  if (!stats) {
    const sentenceTerms: Set<string>[] = [];
    const kinds: Set<AnswerKind>[] = [];
    const chunkTerms: Set<string>[] = [];
    const entities: { kind: AnswerKind; terms: string[] }[][] = [];
    const headings: number[] = [];
    stats = {
      terms: (unit) => (sentenceTerms[unit] ??= termsWithEntry(store, unit)),
      idf: (term) => sentenceIdf(store, term),
      known: (term) => store.sentenceFrequency(term) > 0,
      heading: (unit) => (headings[unit] ??= headingOf(store, unit)),
      recency: recencies(store.documents),
      kinds: (unit) => (kinds[unit] ??= new Set(store.units[unit].kinds)),
      entities: (unit) => (entities[unit] ??= store.units[unit].names.map((e) => ({ kind: e.kind, terms: terms(e.text) }))),
      chunkTerms: (chunk) => (chunkTerms[chunk] ??= new Set(terms(store.chunks[chunk].text))),
    };
    cache.set(store, stats);
  }
  return stats;
}
