import { dot, normalize } from "@/lib/embeddings/vector";
import { coverage, termCoverage } from "@/lib/text/coverage";
import { fold, readable, terms } from "@/lib/text/normalize";
import { numbersIn } from "@/lib/text/numbers";
import { clip } from "@/lib/text/spans";

/** A sentence of a document: its offsets and its unit-length embedding. */
export type DocumentSentence = { start: number; end: number; vector: Float32Array };

/** What judging support needs from the index; lib/engine/verify-context.ts builds it from one. */
export type VerifyContext = {
  /** A document's text between two offsets ("" for no such document). */
  documentSlice(docId: string, start: number, end: number): string;
  /** The document's title and date: an answer may name them ("an older source (…, 2023) differs"). */
  documentLabel(docId: string): string;
  /** The document's sentences lying within [start, end), in order. */
  sentencesIn(docId: string, start: number, end: number): DocumentSentence[];
  /** Weight of each content term of a text: rarer terms weigh more. */
  termWeights(text: string): Map<string, number>;
  /** Whether the documents write a word only capitalised (a name: "Sweden", not "The"). */
  isName(word: string): boolean;
  /** Unit-length vectors, by the embedder that built the index. */
  embed(texts: string[]): Promise<Float32Array[]>;
};

/** A cited span of a document, as a citation gives it. */
export type CitedSpan = { n: number; docId: string; start: number; end: number; text: string };

/** The best supporting span found in one cited passage. */
export type Evidence = { n: number; start: number; end: number; score: number };

export type Verdict = { supported: boolean; score: number; evidence: Evidence[] };

/**
 * Support = similarity of meaning (sentence embeddings) and the share of the sentence's
 * idf-weighted terms found in the span, equally weighted. A sentence copied from its passage
 * scores about 1; a faithful paraphrase about 0.7; a sentence about something else in the same
 * passage well under 0.55 (tuned on the dev set's answers and hand-written paraphrases, see
 * test/verify.test.ts).
 */
export const SUPPORT = { dense: 0.5, overlap: 0.5, threshold: 0.55 } as const;

/** Words that talk about the sources rather than state a fact: they are not looked for in them. */
const META = new Set(["accord", "passage", "document", "source", "state", "say", "mention", "report", "note", "cite", "text"]);

/**
 * The names a sentence gives ("Sweden", "Brussels", "Title2"), as terms: capitalised words
 * past the first, and the first when the documents only ever write it capitalised. A sentence
 * about the wrong country can read very much like its passage; naming it differently cannot.
 */
export function namesIn(sentence: string, isName: (word: string) => boolean): string[] {
  const words = [...sentence.matchAll(/\p{L}[\p{L}\p{N}’']*/gu)].map((m) => m[0]);
  return words
    .filter((w, i) => /^\p{Lu}/u.test(w) && w.length > 1 && (i > 0 || isName(w)))
    .flatMap((w) => terms(w));
}

const NEGATION = /\b(?:not|never|no|none|nor|neither|cannot|refuse[sd]?|reject(?:s|ed)?|decline[sd]?|den(?:y|ies|ied))\b|n[’']t\b/;

/** A negation the sentence adds to its evidence turns the claim round ("Finland refused to join"). */
export const negated = (text: string) => NEGATION.test(fold(text));

/** A span of a cited passage a sentence may rest on; its terms and readable text are worked out once. */
type Candidate = { start: number; end: number; text: string; vector: Float32Array; terms?: Set<string>; readable?: string };

/**
 * What a verification works out once per cited passage (its candidates) and once per set of
 * passages cited together (the numbers and terms they hold), rather than once per sentence:
 * an answer of many sentences citing long passages would otherwise cost sentences × characters.
 * Kept per context and per citation object, so it goes when they do.
 */
type Memo = { candidates: WeakMap<CitedSpan, Candidate[]>; held: WeakMap<CitedSpan, Map<string, Held>> };
type Held = { numbers: Set<number>; terms: Set<string> };
const memos = new WeakMap<VerifyContext, Memo>();
const citationIds = new WeakMap<CitedSpan, number>();
let nextCitationId = 0;

function memoOf(ctx: VerifyContext): Memo {
  let memo = memos.get(ctx);
  if (!memo) memos.set(ctx, (memo = { candidates: new WeakMap(), held: new WeakMap() }));
  return memo;
}

function citationId(c: CitedSpan): number {
  let id = citationIds.get(c);
  if (id === undefined) citationIds.set(c, (id = nextCitationId++));
  return id;
}

/** Each sentence of the cited span, and each pair of neighbours (a claim may join two sentences). */
function candidates(ctx: VerifyContext, cited: CitedSpan): Candidate[] {
  const memo = memoOf(ctx);
  let out = memo.candidates.get(cited);
  if (out) return out;
  const slice = (start: number, end: number) => ctx.documentSlice(cited.docId, start, end);
  const sentences = ctx.sentencesIn(cited.docId, cited.start, cited.end);
  out = sentences.map((s) => ({ ...clip(s, cited), text: slice(s.start, s.end), vector: s.vector }));
  for (let i = 0; i + 1 < sentences.length; i++) {
    const [a, b] = [sentences[i], sentences[i + 1]];
    out.push({ ...clip({ start: a.start, end: b.end }, cited), text: slice(a.start, b.end), vector: normalize(a.vector.map((x, j) => x + b.vector[j])) });
  }
  memo.candidates.set(cited, out);
  return out;
}

/** The numbers and terms the cited passages (with their titles and dates) hold between them. */
function heldBy(ctx: VerifyContext, cited: CitedSpan[]): Held {
  const evidence = () => cited.map((c) => `${c.text} ${ctx.documentLabel(c.docId)}`).join(" ");
  if (!cited.length) return { numbers: numbersIn(evidence()), terms: new Set(terms(evidence())) };
  const memo = memoOf(ctx);
  let bySet = memo.held.get(cited[0]);
  if (!bySet) memo.held.set(cited[0], (bySet = new Map()));
  const key = cited.map(citationId).join(",");
  let held = bySet.get(key);
  if (!held) {
    const text = evidence();
    bySet.set(key, (held = { numbers: numbersIn(text), terms: new Set(terms(text)) }));
  }
  return held;
}

/**
 * The index's vector for a sentence copied from one of its cited passages (as the extractive
 * answerer's claims are), so that only sentences written anew need the encoder; else null.
 */
export function copiedVector(ctx: VerifyContext, sentence: string, cited: CitedSpan[]): Float32Array | null {
  const wanted = readable(sentence);
  for (const c of cited) {
    for (const cand of candidates(ctx, c)) if ((cand.readable ??= readable(cand.text)) === wanted) return cand.vector;
  }
  return null;
}

function contentWeights(ctx: VerifyContext, sentence: string): Map<string, number> {
  const weights = ctx.termWeights(sentence);
  for (const term of [...weights.keys()]) if (META.has(term)) weights.delete(term);
  return weights;
}

const combine = (dense: number, overlap: number) => SUPPORT.dense * dense + SUPPORT.overlap * overlap;

/**
 * A sentence needs this many content terms for its word overlap to count in full: a word or
 * two found in a passage ("PWNED", "Yes") is not a claim the passage supports.
 */
const MIN_TERMS = 3;

/**
 * Whether the cited passages support one answer sentence (markers removed), and where: the best
 * span of each passage. Several passages may support a sentence together. A number or a name the
 * sentence gives that none of its passages (or their titles) holds, or a negation its best spans
 * lack, makes it unsupported whatever the score.
 */
export function judgeSentence(ctx: VerifyContext, sentence: string, vector: Float32Array, cited: CitedSpan[]): Verdict {
  const weights = contentWeights(ctx, sentence);
  const substance = Math.min(1, weights.size / MIN_TERMS);
  const overlap = (text: string) => substance * coverage(weights, text);
  const best: (Evidence & { text: string; dense: number })[] = [];
  for (const c of cited) {
    let top: (Evidence & { text: string; dense: number }) | null = null;
    for (const cand of candidates(ctx, c)) {
      const dense = dot(vector, cand.vector);
      const score = combine(dense, substance * termCoverage(weights, (cand.terms ??= new Set(terms(cand.text)))));
      if (!top || score > top.score) top = { n: c.n, start: cand.start, end: cand.end, score, text: cand.text, dense };
    }
    if (top && top.end > top.start) best.push(top);
  }
  let score = Math.max(0, ...best.map((e) => e.score));
  if (best.length > 1) {
    const together = combine(Math.max(...best.map((e) => e.dense)), overlap(best.map((e) => e.text).join(" ")));
    score = Math.max(score, together);
  }
  const held = heldBy(ctx, cited);
  const factsHeld =
    [...numbersIn(sentence)].every((n) => held.numbers.has(n)) &&
    namesIn(sentence, ctx.isName).every((t) => held.terms.has(t)) &&
    (!negated(sentence) || negated(best.map((e) => e.text).join(" ")));
  return {
    supported: best.length > 0 && factsHeld && score >= SUPPORT.threshold,
    score: Math.round(score * 1000) / 1000,
    evidence: best.map(({ n, start, end, score: s }) => ({ n, start, end, score: Math.round(s * 1000) / 1000 })),
  };
}
