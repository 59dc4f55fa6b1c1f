import { numberClaims, type Claim } from "@/lib/citations/numbering";
import { NOT_COVERED } from "@/lib/citations/refusal";
import { dot } from "@/lib/embeddings/vector";
import { unitVector, type IndexStore } from "@/lib/index/store";
import { readable } from "@/lib/text/normalize";
import { disagree } from "@/lib/text/numbers";
import { clip, type Span } from "@/lib/text/spans";
import type { Passage } from "@/lib/types";
import { scoreSentences, unitText, type ScoredSentence } from "./sentence-scoring";
import type { Answer, AnswerInput } from "./types";

export const EXTRACTIVE_MODEL = "extractive";

/**
 * Below these the documents are taken not to cover the question. Tuned on the dev set's in-scope
 * and out-of-scope questions (README, "Refusal threshold").
 */
export const RELEVANCE_THRESHOLD = { minScore: 0.42, minCoverage: 0.3 };

const MAX_SENTENCES = 3;
/** A further sentence must score this close to the best one to be worth adding. */
const KEEP_RATIO = 0.85;
/** Sentences this similar to one already kept repeat it. */
const REDUNDANT = 0.85;

function isRedundant(store: IndexStore, kept: ScoredSentence[], candidate: ScoredSentence): boolean {
  const v = unitVector(store, candidate.unit);
  return kept.some((k) => dot(unitVector(store, k.unit), v) > REDUNDANT);
}

function selectSentences(store: IndexStore, scored: ScoredSentence[]): ScoredSentence[] {
  const kept = [scored[0]];
  for (const s of scored.slice(1)) {
    if (kept.length === MAX_SENTENCES || s.score < scored[0].score * KEEP_RATIO) break;
    if (!isRedundant(store, kept, s)) kept.push(s);
  }
  return kept;
}

function publishedAt(store: IndexStore, s: ScoredSentence): string {
  return store.documentById.get(store.units[s.unit].docId)?.publishedAt ?? "";
}

/**
 * Two close sentences from different documents that count the same thing differently (31 or
 * 32 members, 2% or 5% of GDP) disagree. Returns them newest first, or null.
 */
function findConflict(store: IndexStore, kept: ScoredSentence[], scored: ScoredSentence[]): [ScoredSentence, ScoredSentence] | null {
  const lead = kept[0];
  const leadText = unitText(store, lead.unit);
  for (const other of scored.slice(1, 12)) {
    if (other.score < lead.score * 0.75) break;
    if (store.units[other.unit].docId === store.units[lead.unit].docId) continue;
    if (disagree(leadText, unitText(store, other.unit))) {
      return publishedAt(store, other) > publishedAt(store, lead) ? [other, lead] : [lead, other];
    }
  }
  return null;
}

function sourceLabel(passage: Passage): string {
  return passage.publishedAt ? `${passage.title}, ${passage.publishedAt.slice(0, 4)}` : passage.title;
}

/** Sentences shorter than this ("Leader Title2: Chair of the Military Committee") take the next one along. */
const MIN_STANDALONE = 70;

/**
 * The sentence's span within its passage, extended by the next sentence when it is too short
 * to stand alone.
 */
function claimSpan(store: IndexStore, passage: Passage, unit: number): Span {
  const u = store.units[unit];
  const next = store.units[unit + 1];
  const extend = u.end - u.start < MIN_STANDALONE && next?.docId === u.docId && next.end <= passage.end;
  return clip({ start: u.start, end: extend ? next.end : u.end }, passage);
}

function claimFor(store: IndexStore, passages: Passage[], s: ScoredSentence, prefix = ""): Claim {
  const passage = passages[s.passageRank];
  const quote = claimSpan(store, passage, s.unit);
  const text = store.documentById.get(passage.docId)!.text.slice(quote.start, quote.end);
  return { text: prefix + readable(text), sources: [{ passage, quote }] };
}

/** The built-in answerer: the best supporting sentences of the retrieved passages, each cited. */
export function extractiveAnswer(input: AnswerInput, scoringQuery = input.question): Answer {
  const { store, retrieval } = input;
  const scored = scoreSentences(store, retrieval.chunks, retrieval.queryVector, scoringQuery);
  const best = scored[0];
  if (!best || best.score < RELEVANCE_THRESHOLD.minScore || best.coverage < RELEVANCE_THRESHOLD.minCoverage) {
    return { answer: NOT_COVERED, answered: false, citations: [], model: EXTRACTIVE_MODEL };
  }
  const kept = selectSentences(store, scored);
  const conflict = findConflict(store, kept, scored);
  const passages = retrieval.passages;
  const claims: Claim[] = conflict
    ? [
        claimFor(store, passages, conflict[0]),
        claimFor(store, passages, conflict[1], `An older source (${sourceLabel(passages[conflict[1].passageRank])}) differs: `),
      ]
    : kept.map((s) => claimFor(store, passages, s));
  return { ...numberClaims(claims), answered: true, model: EXTRACTIVE_MODEL };
}
