import { dot } from "@/lib/embeddings/vector";
import { lexicalTerms, termWeights } from "@/lib/index/lexical";
import { unitVector, type IndexStore } from "@/lib/index/store";
import { coverage } from "@/lib/text/coverage";
import { terms } from "@/lib/text/normalize";
import { quantities } from "@/lib/text/numbers";
import { isMenu } from "@/lib/text/prose";

export type ScoredSentence = {
  unit: number;
  /** Rank of the retrieved passage the sentence is cited from. */
  passageRank: number;
  dense: number;
  /** Share of the question's (idf-weighted) terms the sentence contains. */
  coverage: number;
  score: number;
};

/**
 * Sentence score = similarity of meaning and share of the question's words, equally weighted,
 * plus bonuses for the question's phrases and for holding the kind of answer asked for.
 */
export const SENTENCE_WEIGHTS = { dense: 0.5, coverage: 0.5, phrase: 0.15, answerType: 0.1 } as const;

/** Share of the question's adjacent word pairs ("article 4") found as pairs in the sentence. */
export function phraseMatch(query: string, sentence: string): number {
  const pairs = lexicalTerms(query).filter((t) => t.includes(" "));
  if (!pairs.length) return 0;
  const present = new Set(lexicalTerms(sentence));
  return pairs.filter((p) => present.has(p)).length / pairs.length;
}

export function unitText(store: IndexStore, unit: number): string {
  const u = store.units[unit];
  return store.documentById.get(u.docId)!.text.slice(u.start, u.end);
}

/** Sentences that cannot answer anything: headings, questions, link stubs, menus. */
function isAnswerable(store: IndexStore, unit: number): boolean {
  const text = unitText(store, unit);
  return !store.unitIsQuestion[unit] && text.length >= 25 && /[a-z]{3}/.test(text) && !isMenu(text);
}

const YEAR_OR_DATE = /\b(1[6-9]|20)\d\d\b|\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;

const NAME = /\b\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+/gu;

/** Whether a sentence names someone or something the question does not already name. */
function namesSomethingNew(question: string): (text: string) => boolean {
  const asked = new Set(terms(question));
  return (text) => [...text.matchAll(NAME)].some((m) => terms(m[0]).some((t) => !asked.has(t)));
}

/** What kind of answer the question asks for, as a test a sentence holding it passes. */
export function expectedAnswer(question: string): ((text: string) => boolean) | null {
  if (/\b(when|what year|which year|since when)\b/i.test(question)) return (text) => YEAR_OR_DATE.test(text);
  if (/\b(how many|how much|what (percentage|share|proportion|number))\b/i.test(question)) return (text) => quantities(text).size > 0;
  if (/\bwho\b/i.test(question)) return namesSomethingNew(question);
  return null;
}

/** Scores every answerable sentence of the retrieved chunks against the question. */
export function scoreSentences(store: IndexStore, chunks: number[], queryVector: Float32Array, query: string): ScoredSentence[] {
  const weights = termWeights(store.lexical, query);
  const wanted = expectedAnswer(query);
  const seen = new Set<number>();
  const out: ScoredSentence[] = [];
  chunks.forEach((chunk, passageRank) => {
    for (const unit of store.chunkUnits[chunk]) {
      if (seen.has(unit) || !isAnswerable(store, unit)) continue;
      seen.add(unit);
      const dense = dot(queryVector, unitVector(store, unit));
      const text = unitText(store, unit);
      const cov = coverage(weights, text);
      const score =
        SENTENCE_WEIGHTS.dense * dense +
        SENTENCE_WEIGHTS.coverage * cov +
        SENTENCE_WEIGHTS.phrase * phraseMatch(query, text) +
        SENTENCE_WEIGHTS.answerType * (wanted?.(text) ? 1 : 0);
      out.push({ unit, passageRank, dense, coverage: cov, score });
    }
  });
  return out.sort((a, b) => b.score - a.score || a.passageRank - b.passageRank);
}
