import { unitText, unitVector, type IndexView } from "@/lib/index/view";
import { lexicalTerms } from "@/lib/index/lexical";
import { fold, terms } from "@/lib/text/normalize";
import { infoboxHead, infoboxKey, isMenu } from "@/lib/text/prose";
import { CREATION, hasFullDate, PURPOSE_NOUNS, questionAnswerKinds, type AnswerKind } from "@/lib/text/answer-kinds";
import { relatedWords } from "@/lib/text/related-words";
import { questionFocus } from "@/lib/text/question-focus";
import { acronymCandidates, spellsOut } from "@/lib/text/acronyms";
import type { Retrieval } from "@/lib/retrieval/search";
import { dot, normalize } from "@/lib/embeddings/vector";
import { sentenceStats, type SentenceStats } from "./sentence-stats";

/**
 * What the ranking model knows of a sentence as an answer to a question. The order is the
 * order of the weights in weights.json; `npm run fit` writes them by these names.
 */
export const FEATURES = [
  "dense", // meaning: question · sentence (USE-lite)
  "headingDense", // question · the question-shaped heading the sentence sits under
  "coverage", // share of the question's idf-weighted terms the sentence holds
  "related", // share held only through related words (synonyms, derivations)
  "plainCoverage", // share of the question's terms, unweighted
  "phrase", // share of the question's word pairs
  "sectionCoverage", // share held by the document title and section headings
  "passageScore", // retrieval score of its passage, relative to the best
  "passageRank", // 1 / rank of its passage
  "answerType", // +1 holds the kind of answer asked for (date, quantity, name), -1 lacks it, 0 no kind asked
  "novelty", // share of its terms the question does not use: an answer adds something
  "length", // log length
  "keyValue", // an infobox line ("Headquarters: Brussels")
  "recency", // how new its document is among the collection's
  "leadingPronoun", // opens with This/It/They: leans on the sentence before
  "denseRank", // 1 / rank by meaning among the candidates
  "previousCoverage", // coverage of the two sentences before it: answers often follow the sentence naming the topic
  "missingRare", // the rarest question term it lacks, relative to the rarest question term
  "typedCoverage", // coverage when it holds the kind of answer asked for: about the thing asked, with the answer
  "denseCoverage", // meaning and words agreeing
  "windowDense", // question · the sentence with its neighbours: the answer may be spread over two
  "passageCoverage", // share of the question's weighted terms (or related words) its passage, title and headings hold
  "sameForm", // share of the question's weighted terms the sentence holds in the very same word form ("founded", not "founding")
  "fullDate", // +1 a date is asked for and the sentence gives a day and month ("4 October 2001"), not only a year
  "focus", // share of the nouns the question asks about ("how many *troops*") it holds, or related words; -1 none of them, 0 the question names none
] as const;

/**
 * A candidate sentence. `keyedFact`: an infobox line whose entry holds words of the question and
 * whose value is the kind of answer asked for ("Leader Name: …" for "Who leads X?").
 */
export type Candidate = { unit: number; passageRank: number; features: number[]; keyedFact?: boolean };

/** The question as features need it: its vector, weighted terms and word pairs. */
export type QuestionProfile = {
  vector: Float32Array;
  weights: Map<string, number>;
  total: number;
  maxWeight: number;
  pairs: string[];
  /** Stems of words related in meaning to each question term (WordNet synonyms and derivations). */
  related: Map<string, Set<string>>;
  /** The kinds of answer the question asks for (a date, a person…); empty when it does not say. */
  wanted: AnswerKind[];
  /** Each question term with the word forms the question uses it in. */
  forms: Map<string, Set<string>>;
  /** For each noun the question asks about, its stem and the stems of related words. */
  focus: Set<string>[];
  /** Words of the question that may be acronyms it asks to spell out ("What does NATO stand for?"). */
  acronyms: string[];
  /** Whether it asks about the past ("Who was…?", "When did…?"). */
  past: boolean;
};

const LEADING_PRONOUN = /^["“(]?(This|It|These|They|He|She|Such|Its|Their|Those)\b/;
const MIN_SENTENCE_CHARS = 20;

/** Each question term (stemmed) with the stems of the words WordNet relates to the word it came from. */
function relatedStems(question: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const word of question.split(/[^\p{L}\p{N}'’-]+/u)) {
    const [term] = terms(word);
    if (!term) continue;
    const set = out.get(term) ?? new Set<string>();
    for (const r of relatedWords(word)) for (const t of terms(r)) set.add(t);
    set.delete(term);
    out.set(term, set);
  }
  return out;
}

/** The lower-case words of a text, unstemmed but for a plural's "s" ("members" is "member", "founding" is not "founded"). */
const wordsOf = (text: string) => fold(text).split(/[^\p{L}\p{N}]+/u).map((w) => (w.length > 3 ? w.replace(/s$/, "") : w));

function wordForms(question: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const word of wordsOf(question)) {
    const [term] = terms(word);
    if (term) out.set(term, (out.get(term) ?? new Set()).add(word));
  }
  return out;
}

/** Share of the question's weighted terms that the text holds in a word form the question uses. */
function sameFormCoverage(q: QuestionProfile, text: string): number {
  const words = new Set(wordsOf(text));
  let held = 0;
  for (const [t, w] of q.weights) if ([...(q.forms.get(t) ?? [])].some((f) => words.has(f))) held += w;
  return held / q.total;
}

/** Words that frame a request to spell out an acronym and are not its subject ("What does X *stand for*?"). */
const EXPANSION_FRAME = /\b(?:stands?|short|abbreviation|acronym)\b/gi;
/** Words that frame a question about what something is for ("Why was X *founded*?", "X's *aim*"): the answer says "purpose", or "set up to…". */
const PURPOSE_FRAME = new RegExp(`\\b(?:${CREATION}|${PURPOSE_NOUNS})\\b`, "gi");

/** The question without the words that only frame what kind of answer it asks for. */
function questionSubject(question: string, wanted: AnswerKind[]): string {
  if (wanted.includes("expansion")) return question.replace(EXPANSION_FRAME, " ");
  if (wanted.includes("purpose")) return question.replace(PURPOSE_FRAME, " ");
  return question;
}

/**
 * What a word the conversation added to a follow-up counts for, against the words asked in this
 * turn: "What has it been criticised for?" after "What was Operation Allied Force?" is about the
 * criticism first.
 */
const CONTEXT_WEIGHT = 0.5;

/** A question about the past ("Who *was* the first…?"), which an infobox's present-day entry answers only if its key says so ("Founded"). */
const ASKS_ABOUT_THE_PAST = /\b(?:was|were|did|had)\b/i;

/** The question's profile; `asked` is what the person typed this turn when `question` also holds the conversation's words. */
export function questionProfile(stats: SentenceStats, question: string, vector: Float32Array, asked = question): QuestionProfile {
  const wanted = questionAnswerKinds(question);
  const own = new Set(terms(asked));
  const weights = new Map([...new Set(terms(questionSubject(question, wanted)))].map((t) => [t, stats.idf(t) * (own.has(t) ? 1 : CONTEXT_WEIGHT)]));
  const related = relatedStems(question);
  const values = [...weights.values()];
  return {
    vector,
    weights,
    total: values.reduce((a, w) => a + w, 0) || 1,
    maxWeight: Math.max(1e-9, ...values),
    pairs: lexicalTerms(question).filter((t) => t.includes(" ")),
    related,
    wanted,
    forms: wordForms(question),
    acronyms: acronymCandidates(question),
    past: ASKS_ABOUT_THE_PAST.test(asked),
    focus: questionFocus(question).flatMap((word) => terms(word).slice(0, 1).map((t) => new Set([t, ...(related.get(t) ?? [])]))),
  };
}

type TermMatch = { exact: number; related: number; plain: number; missingRare: number };

function matchTerms(q: QuestionProfile, present: Set<string>): TermMatch {
  let exact = 0;
  let related = 0;
  let plain = 0;
  let missing = 0;
  for (const [t, w] of q.weights) {
    if (present.has(t)) {
      exact += w;
      plain++;
    } else if ([...(q.related.get(t) ?? [])].some((s) => present.has(s))) related += w;
    else missing = Math.max(missing, w);
  }
  return { exact: exact / q.total, related: related / q.total, plain: q.weights.size ? plain / q.weights.size : 0, missingRare: missing / q.maxWeight };
}

/** +share of the question's focus nouns the terms hold (or related words), -1 for none, 0 when the question names none. */
function focusHeld(q: QuestionProfile, present: Set<string>): number {
  if (!q.focus.length) return 0;
  const held = q.focus.filter((stems) => [...stems].some((s) => present.has(s))).length;
  return held ? held / q.focus.length : -1;
}

function coverageOf(q: QuestionProfile, present: Set<string> | undefined): number {
  return present ? matchTerms(q, present).exact : 0;
}

/** Page furniture that states nothing: "See also" lists, "Read more", share links. */
const FURNITURE = /^\W*(?:see also|read more|related|share (?:this|on)|follow us|skip to)\b/i;

/** Sections that point elsewhere rather than state anything (a wiki's "See also", "References"). */
const POINTER_SECTION = /^(?:see also|references|external links|further reading|notes|bibliography|sources|citations)$/i;

const inPointerSection = (store: IndexView, chunk: number) => store.chunks[chunk].section.some((h) => POINTER_SECTION.test(h.trim()));

/** Wiki table markup flattened into text ("| | NATO members | |"). */
const isTableRow = (text: string) => (text.match(/\|/g) ?? []).length >= 3;

/** Longest line read as a title when it ends without punctuation ("Partnership for Peace (PfP)"). */
const MAX_TITLE_CHARS = 80;

/** A news item's date stamp ("05 Feb. 2024 NATO launches…"): a dated headline reports something. */
const DATED = /^\d{1,2} \p{Lu}\p{Ll}{2,8}\.? \d{4}\b/u;

/**
 * A title on a line of its own, naming a topic rather than stating anything: short, unpunctuated,
 * and neither an infobox line, a list item nor a dated headline.
 */
const isTitleLine = (text: string) =>
  text.length < MAX_TITLE_CHARS && !DATED.test(text) && !text.includes("\n") && !/(?:[.!?…;:"”’]|[.!?]\))$/.test(text) && !infoboxKey(text) && !/^[-*•]\s/.test(text);

const statesSomething = (text: string) =>
  text.length >= MIN_SENTENCE_CHARS && /\p{L}{3}/u.test(text) && !isMenu(text) && !FURNITURE.test(text) && !isTableRow(text) && !isTitleLine(text);

/**
 * Sentences that can be claims: not headings or questions, menus, page furniture or scraps, nor
 * a sentence introducing a list ("The 32 members are:") that is not prose itself.
 */
export function isCandidate(store: IndexView, unit: number): boolean {
  if (store.unitIsQuestion[unit]) return false;
  const text = unitText(store, unit);
  if (!statesSomething(text)) return false;
  const next = store.units[unit + 1];
  return !/:\s*$/.test(text) || (next?.docId === store.units[unit].docId && statesSomething(unitText(store, unit + 1)));
}

/** Share of the question's words (by count) that no sentence of the collection uses. */
export function unknownWordShare(store: IndexView, question: string): number {
  const stats = sentenceStats(store);
  const words = [...new Set(terms(question))];
  return words.length ? words.filter((t) => !stats.known(t)).length / words.length : 1;
}

/** Every candidate sentence of the retrieved passages, with its features. */
export function candidateFeatures(store: IndexView, retrieval: Retrieval, question: string, asked = question): Candidate[] {
  const stats = sentenceStats(store);
  const q = questionProfile(stats, question, retrieval.queryVector, asked);
  const best = retrieval.passages[0]?.score || 1;
  const seen = new Set<number>();
  const out: Candidate[] = [];
  retrieval.chunks.forEach((chunk, rank) => {
    for (const unit of store.chunkUnits[chunk]) {
      if (seen.has(unit) || !isCandidate(store, unit) || inPointerSection(store, chunk)) continue;
      seen.add(unit);
      const features = sentenceFeatures(store, stats, q, unit, chunk, retrieval.passages[rank].score / best, rank);
      const keyedFact = isKeyedFact(store, stats, q, unit, features);
      out.push({ unit, passageRank: rank, features, ...(keyedFact ? { keyedFact } : {}) });
    }
  });
  const byDense = out.map((c, i) => [c.features[0], i]).sort((a, b) => b[0] - a[0]);
  byDense.forEach(([, i], r) => (out[i].features[FEATURES.indexOf("denseRank")] = 1 / (r + 1)));
  return out;
}

/**
 * Whether an infobox line may state the answer: its key names a word of the question ("Leader" of
 * "Leader Name2" for "Who leads…?"), or the question asks about the present and the other half of
 * its entry may name it ("Secretary General" for "Who is the secretary general?").
 */
function infoboxMayAnswer(q: QuestionProfile, text: string): boolean {
  const key = infoboxKey(text);
  if (key === null) return false;
  if (!q.past) return true;
  const [head] = terms(infoboxHead(key));
  return head !== undefined && [...q.weights.keys()].some((t) => t === head || q.related.get(t)?.has(head));
}

/** An infobox line that may state the answer, holds words of the question (its entry's included) and names a new one of the likeliest kind asked for (a person for "who"). */
function isKeyedFact(store: IndexView, stats: SentenceStats, q: QuestionProfile, unit: number, features: number[]): boolean {
  const [likeliest] = q.wanted;
  const held = features[FEATURES.indexOf("coverage")] + features[FEATURES.indexOf("related")];
  return likeliest !== undefined && held > 0 && infoboxMayAnswer(q, unitText(store, unit)) && holdsKind(store, stats, q, unit, likeliest);
}

const ENTITY_KINDS = new Set<AnswerKind>(["person", "place", "organization"]);

/**
 * Whether the sentence holds an answer of the kind. A person, place or organisation counts only
 * when the question does not already name it: "Who leads X?" is not answered by a sentence that
 * names only X.
 */
function holdsKind(store: IndexView, stats: SentenceStats, q: QuestionProfile, unit: number, kind: AnswerKind): boolean {
  if (ENTITY_KINDS.has(kind)) return stats.entities(unit).some((e) => e.kind === kind && e.terms.some((t) => !q.weights.has(t)));
  if (kind === "expansion") return q.acronyms.some((a) => spellsOut(unitText(store, unit), a));
  return stats.kinds(unit).has(kind);
}

/** Whether the sentence holds any kind of answer the question asks for. */
const holdsAnswerKind = (store: IndexView, stats: SentenceStats, q: QuestionProfile, unit: number) => q.wanted.some((kind) => holdsKind(store, stats, q, unit, kind));

/** How many sentences back the topic a sentence speaks of may have been named ("The former Dutch Prime Minister…"). */
const TOPIC_REACH = 2;

/** The terms of the sentences just before this one in its document, or undefined at its start. */
function precedingTerms(store: IndexView, stats: SentenceStats, unit: number): Set<string> | undefined {
  const docId = store.units[unit].docId;
  const before = [];
  for (let n = unit - 1; n >= unit - TOPIC_REACH && store.units[n]?.docId === docId; n--) before.push(...stats.terms(n));
  return before.length ? new Set(before) : undefined;
}

/** The sentence's vector summed with its neighbours' in the same document, unit length. */
function windowVector(store: IndexView, unit: number): Float32Array {
  const docId = store.units[unit].docId;
  const sum = new Float32Array(unitVector(store, unit));
  for (const n of [unit - 1, unit + 1]) {
    if (store.units[n]?.docId !== docId) continue;
    const v = unitVector(store, n);
    for (let i = 0; i < sum.length; i++) sum[i] += v[i];
  }
  return normalize(sum);
}

function sentenceFeatures(store: IndexView, stats: SentenceStats, q: QuestionProfile, unit: number, chunk: number, passageScore: number, rank: number): number[] {
  const text = unitText(store, unit);
  const u = store.units[unit];
  const present = stats.terms(unit);
  const match = matchTerms(q, present);
  const heading = stats.heading(unit);
  const context = new Set(terms([store.documentById.get(u.docId)!.title, ...store.chunks[chunk].section].join(" ")));
  const passageMatch = matchTerms(q, new Set([...context, ...stats.chunkTerms(chunk)]));
  const pairs = new Set(lexicalTerms(text));
  const previous = precedingTerms(store, stats, unit);
  const novel = [...present].filter((t) => !q.weights.has(t)).length;
  const dense = dot(q.vector, unitVector(store, unit));
  const answerType = q.wanted.length ? (holdsAnswerKind(store, stats, q, unit) ? 1 : -1) : 0;
  return [
    dense,
    heading >= 0 ? dot(q.vector, unitVector(store, heading)) : 0,
    match.exact,
    match.related,
    match.plain,
    q.pairs.length ? q.pairs.filter((p) => pairs.has(p)).length / q.pairs.length : 0,
    coverageOf(q, context),
    passageScore,
    1 / (rank + 1),
    answerType,
    present.size ? novel / present.size : 0,
    Math.log(text.length) / Math.log(360),
    infoboxKey(text) ? 1 : 0,
    stats.recency.get(u.docId) ?? 0,
    LEADING_PRONOUN.test(text.trim()) ? 1 : 0,
    0, // denseRank, set once every candidate is known
    coverageOf(q, previous),
    match.missingRare,
    answerType > 0 ? match.exact + match.related : 0,
    dense * (match.exact + match.related),
    dot(q.vector, windowVector(store, unit)),
    passageMatch.exact + passageMatch.related,
    sameFormCoverage(q, text),
    q.wanted.includes("date") && hasFullDate(text) ? 1 : 0,
    focusHeld(q, present),
  ];
}
