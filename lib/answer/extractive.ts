import { numberClaims, type Claim } from "@/lib/citations/numbering";
import { NOT_COVERED } from "@/lib/citations/refusal";
import { unitText, type IndexView } from "@/lib/index/view";
import { readable, terms } from "@/lib/text/normalize";
import { infoboxKey, sameInfoboxEntry } from "@/lib/text/prose";
import { disagree } from "@/lib/text/numbers";
import { clip, overlap, type Span } from "@/lib/text/spans";
import type { Passage } from "@/lib/types";
import { answerProbability, fittedWeights, type ModelWeights, type RankedSentence } from "./ranking/model";
import { selectSentences } from "./ranking/select";
import { isCandidate } from "./ranking/features";
import type { Answer, AnswerInput } from "./types";

export const EXTRACTIVE_MODEL = "extractive";

/** A conflicting sentence must be ranked this close to the lead (softmax weight relative to it). */
const CONFLICT_RATIO = 0.25;
/** How far down the ranking a conflicting sentence is looked for. */
const CONFLICT_DEPTH = 12;

function publishedAt(store: IndexView, s: RankedSentence): string {
  return store.documentById.get(store.units[s.unit].docId)?.publishedAt ?? "";
}

/**
 * Two close sentences from different documents that count the same thing differently (31 or
 * 32 members, 2% or 5% of GDP) disagree. Returns them newest first, or null.
 */
function findConflict(store: IndexView, lead: RankedSentence, ranked: RankedSentence[]): [RankedSentence, RankedSentence] | null {
  const leadText = unitText(store, lead.unit);
  for (const other of ranked.slice(1, CONFLICT_DEPTH)) {
    if (Math.exp(other.score - lead.score) < CONFLICT_RATIO) break;
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

/** Sentences shorter than this ("The MC has a chairman.") take the next one along. */
const MIN_STANDALONE = 70;
/** A sentence opening like this leans on the one before it: a pronoun, or a lower-case continuation. */
const LEANS_BACK = /^["“(]?(?:This|It|These|They|He|She|Such|Its|Their|Those)\b|^\p{Ll}/u;

/** Whether a sentence needs the one before it: its antecedent, or the other half of its infobox entry ("Leader Title: …" for "Leader Name: …"). */
const leansBack = (text: string, previous: string) => (infoboxKey(text) === null ? LEANS_BACK.test(text) : sameInfoboxEntry(text, previous));

/**
 * Whether a sentence takes the next one along: one too short to stand alone (a short topic sentence
 * is often followed by what answers: "NATO has very few forces of its own." / "Members
 * contribute…"); an infobox line only the other half of its entry, not "Languages: …".
 */
const leansForward = (text: string, next: string) => (infoboxKey(text) === null ? text.length < MIN_STANDALONE : sameInfoboxEntry(text, next));

/**
 * The sentence's span within its passage, with the neighbours it leans on: the sentence before
 * one opening with "This/It/They…" (its antecedent), the next after one too short to stand alone.
 */
function claimSpan(store: IndexView, passage: Passage, unit: number): Span {
  const u = store.units[unit];
  const previous = store.units[unit - 1];
  const next = store.units[unit + 1];
  const text = unitText(store, unit);
  // A neighbour comes along only if it could be a claim itself: never a table, menu or heading.
  const joins = (n: number) => store.units[n]?.docId === u.docId && isCandidate(store, n);
  const start = joins(unit - 1) && previous.start >= passage.start && leansBack(text, unitText(store, unit - 1)) ? previous.start : u.start;
  const end = joins(unit + 1) && next.end <= passage.end && leansForward(text, unitText(store, unit + 1)) ? next.end : u.end;
  return clip({ start, end }, passage);
}

function claimFor(store: IndexView, passages: Passage[], s: RankedSentence, prefix = ""): Claim {
  const passage = passages[s.passageRank];
  const quote = claimSpan(store, passage, s.unit);
  const text = store.documentSlice(passage.docId, quote.start, quote.end);
  return { text: prefix + readable(text), sources: [{ passage, quote }] };
}

/** A claim whose span overlaps one already made (a sentence taken along as context) says it twice. */
function distinct(claims: Claim[]): Claim[] {
  const kept: Claim[] = [];
  const spanOf = (c: Claim) => ({ docId: c.sources[0].passage.docId, ...c.sources[0].quote! });
  for (const claim of claims) {
    const a = spanOf(claim);
    if (!kept.some((k) => spanOf(k).docId === a.docId && overlap(spanOf(k), a) > 0)) kept.push(claim);
  }
  return kept;
}

/**
 * Share of a sentence's words the previous answer holds from which it repeats that answer: half,
 * since the answer may have said it in other words ("it said…" for "the Kiel Institute said…").
 */
const REPEATED = 0.5;

/**
 * Which sentences the conversation's last answer already gave: a follow-up ("and how much did the
 * European countries put in?") wants the next fact, not the last one again. A sentence naming what
 * the follow-up adds ("and Sweden?") is what it asks for, even if said in passing.
 */
function alreadySaid(store: IndexView, input: AnswerInput): (unit: number) => boolean {
  const last = input.history.findLast((m) => m.role === "assistant");
  const asked = new Set(terms(input.history.findLast((m) => m.role === "user")?.content ?? ""));
  const added = terms(input.question).filter((t) => !asked.has(t));
  if (!last || !added.length) return () => false;
  const said = new Set(terms(last.content));
  return (unit) => {
    const words = terms(unitText(store, unit));
    if (words.some((w) => added.includes(w))) return false;
    return words.length > 0 && words.filter((w) => said.has(w)).length / words.length >= REPEATED;
  };
}

export const refusal = (): Answer => ({ answer: NOT_COVERED, answered: false, citations: [], model: EXTRACTIVE_MODEL });

/**
 * The built-in answerer: the sentences the fitted model ranks best, each cited; or a refusal
 * when the fitted classifier finds no evidence that the documents answer the question.
 */
export function extractiveAnswer(input: AnswerInput, model: ModelWeights = fittedWeights()): Answer {
  const { store, sentences: ranked } = input;
  if (!ranked.length || answerProbability(ranked, input.unknownWords, model) < model.refusal.threshold) return refusal();
  const said = alreadySaid(store, input);
  const fresh = ranked.filter((s) => !said(s.unit));
  const kept = selectSentences(store, fresh.length ? fresh : ranked, model.keepRatio);
  const conflict = findConflict(store, kept[0], ranked);
  const passages = input.retrieval.passages;
  const claims: Claim[] = conflict
    ? [
        claimFor(store, passages, conflict[0]),
        claimFor(store, passages, conflict[1], `An older source (${sourceLabel(passages[conflict[1].passageRank])}) differs: `),
      ]
    : distinct(kept.map((s) => claimFor(store, passages, s)));
  return { ...numberClaims(claims), answered: true, model: EXTRACTIVE_MODEL };
}
