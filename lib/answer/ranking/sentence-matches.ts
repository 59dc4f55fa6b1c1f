import { unitText, type IndexStore } from "@/lib/index/store";
import { acronymCandidates, spellsOut } from "@/lib/text/acronyms";
import { questionAnswerKinds } from "@/lib/text/answer-kinds";
import { terms } from "@/lib/text/normalize";
import { derivedWords } from "@/lib/text/related-words";
import { toPassage, type Retrieval } from "@/lib/retrieval/search";
import { sentenceStats } from "./sentence-stats";

/** Sentences matched word by word that may add their passage to a retrieval's candidates. */
const SENTENCE_MATCHES = 12;
/** Passages added that way, at most. */
const ADDED_PASSAGES = 8;

/** Each content word of the question with the words derived from it ("leads" → leader), as terms. */
function questionTerms(question: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const word of question.split(/[^\p{L}\p{N}'’-]+/u)) {
    const [term] = terms(word);
    if (!term) continue;
    const forms = out.get(term) ?? new Set([term]);
    for (const d of derivedWords(word)) for (const t of terms(d)) forms.add(t);
    out.set(term, forms);
  }
  return out;
}

/** Sentences that spell out an acronym the question asks about ("What does NATO stand for?"), in order. */
function expansionUnits(store: IndexStore, question: string): number[] {
  if (!questionAnswerKinds(question).includes("expansion")) return [];
  const stats = sentenceStats(store);
  return acronymCandidates(question).flatMap((acronym) =>
    terms(acronym).flatMap((t) => stats.unitsWith(t)).filter((u) => spellsOut(unitText(store, u), acronym)),
  );
}

/**
 * The passages of the sentences that hold most of the question's rare words (or words derived
 * from them), added to a retrieval that missed them: a short fact ("Leader Name: …") matches a
 * plain question word for word but is outvoted inside its chunk, by meaning and by BM25 alike.
 * A sentence spelling out an acronym asked about comes first: it shares no word but the acronym.
 */
export function withSentenceMatches(store: IndexStore, retrieval: Retrieval, question: string): Retrieval {
  const stats = sentenceStats(store);
  const scores = new Map<number, number>();
  for (const [term, forms] of questionTerms(question)) {
    const weight = stats.idf(term);
    const units = new Set([...forms].flatMap((f) => stats.unitsWith(f)));
    for (const u of units) scores.set(u, (scores.get(u) ?? 0) + weight);
  }
  const have = new Set(retrieval.chunks);
  const added: number[] = [];
  const best = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, SENTENCE_MATCHES).map(([unit]) => unit);
  for (const unit of [...expansionUnits(store, question), ...best]) {
    const chunk = store.unitChunks[unit][0];
    if (chunk === undefined || have.has(chunk) || added.length === ADDED_PASSAGES) continue;
    have.add(chunk);
    added.push(chunk);
  }
  return {
    ...retrieval,
    chunks: [...retrieval.chunks, ...added],
    passages: [...retrieval.passages, ...added.map((c) => toPassage(store, c, 0))],
  };
}
