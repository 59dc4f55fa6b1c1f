import type { IndexView } from "@/lib/index/view";
import { terms } from "@/lib/text/normalize";
import { derivedWords } from "@/lib/text/related-words";
import { overlap } from "@/lib/text/spans";
import type { Passage } from "@/lib/types";
import { chunkDenseScores, nearestUnits } from "./dense";
import { fuseScores, type ScoredChunk } from "./fusion";

/** Passages retrieved when a request does not say how many (API.md: k defaults to 6). */
export const DEFAULT_K = 6;
/** Sentences fetched from the vector index before they are grouped into chunks. */
export const DENSE_CANDIDATES = 96;
/** Passages fetched for the sentence ranker (lib/answer/ranking) to choose the best k from. */
export const CANDIDATE_PASSAGES = 40;
/** Chunks BM25 ranks before fusion. */
export const LEXICAL_CANDIDATES = 48;

export type Retrieval = {
  passages: Passage[];
  /** Chunk indices of the passages, in the same order. */
  chunks: number[];
  queryVector: Float32Array;
};

export function toPassage(store: IndexView, chunkIndex: number, score: number): Passage {
  const chunk = store.chunks[chunkIndex];
  const doc = store.documentById.get(chunk.docId)!;
  return {
    chunkId: chunk.chunkId,
    docId: chunk.docId,
    title: doc.title,
    source: doc.source,
    publishedAt: doc.publishedAt,
    text: chunk.text,
    start: chunk.start,
    end: chunk.end,
    score: Number(score.toFixed(4)),
    section: chunk.section,
    ...(doc.pages ? { page: pageAt(doc.pages, chunk.start) } : {}),
  };
}

/** The page (from 1) holding an offset, given where each page starts. */
export function pageAt(pageStarts: number[], offset: number): number {
  let page = 1;
  while (page < pageStarts.length && pageStarts[page] <= offset) page++;
  return page;
}

/** What a chunk of pure navigation text keeps of its score. */
const MENU_DISCOUNT = 0.6;

/** Overlapping chunks say the same thing twice: keep the better-ranked one. */
function dropOverlaps(store: IndexView, ranked: ScoredChunk[], k: number): ScoredChunk[] {
  const kept: ScoredChunk[] = [];
  for (const candidate of ranked) {
    const c = store.chunks[candidate.chunk];
    const overlaps = kept.some(({ chunk }) => {
      const o = store.chunks[chunk];
      if (o.docId !== c.docId) return false;
      return overlap(o, c) * 2 > Math.min(o.end - o.start, c.end - c.start);
    });
    if (!overlaps) kept.push(candidate);
    if (kept.length === k) break;
  }
  return kept;
}

/** What a match on a related word (WordNet synonym or derivation) counts for, against the word itself. */
const RELATED_WORD_WEIGHT = 0.5;

/** The forms WordNet derives from the question's content words ("leads" → leader), for a second BM25 pass. */
function relatedQuery(query: string): string {
  return query
    .split(/[^\p{L}\p{N}'’-]+/u)
    .filter((w) => terms(w).length)
    .flatMap((w) => derivedWords(w))
    .join(" ");
}

/**
 * BM25 of the question, plus BM25 of its related words at a lower weight: a plain question
 * ("Who leads X?") finds the passage that says "leader" though it never says "leads".
 */
async function lexicalScores(store: IndexView, query: string): Promise<Map<number, number>> {
  const related = relatedQuery(query);
  const [direct, indirect] = await Promise.all([store.searchLexical(query, LEXICAL_CANDIDATES), related ? store.searchLexical(related, LEXICAL_CANDIDATES) : []]);
  const scores = new Map(direct.map((h) => [h.index, h.score]));
  if (related) {
    for (const h of indirect) scores.set(h.index, (scores.get(h.index) ?? 0) + RELATED_WORD_WEIGHT * h.score);
  }
  return scores;
}

/** Hybrid retrieval: nearest sentences grouped by chunk, fused with BM25 over chunks (and over the question's related words). */
export async function hybridSearch(store: IndexView, query: string, queryVector: Float32Array, k: number): Promise<Retrieval> {
  const [units, lexical] = await Promise.all([nearestUnits(store, queryVector, DENSE_CANDIDATES), lexicalScores(store, query)]);
  await store.fetch({ units: [...units.keys()], chunks: [...lexical.keys()] });
  const dense = chunkDenseScores(store, units);
  const fused = fuseScores(dense, lexical)
    .map((r) => ({ ...r, score: r.score * (MENU_DISCOUNT + (1 - MENU_DISCOUNT) * store.chunkProse[r.chunk]) }))
    .sort((a, b) => b.score - a.score || a.chunk - b.chunk);
  const ranked = dropOverlaps(store, fused, k);
  return {
    passages: ranked.map((r) => toPassage(store, r.chunk, r.score)),
    chunks: ranked.map((r) => r.chunk),
    queryVector,
  };
}
