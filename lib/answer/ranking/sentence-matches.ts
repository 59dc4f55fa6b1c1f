import { unitText, type IndexView } from "@/lib/index/view";
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

/**
 * Sentences holding an acronym that are read to see whether they spell it out: a bound on what
 * one question fetches, since a collection's own acronym may stand in most of its sentences.
 */
const EXPANSION_SCAN = 500;

/** Sentences that spell out an acronym the question asks about ("What does NATO stand for?"), in order. */
async function expansionUnits(store: IndexView, question: string): Promise<number[]> {
  if (!questionAnswerKinds(question).includes("expansion")) return [];
  const out: number[] = [];
  for (const acronym of acronymCandidates(question)) {
    const holding = await store.searchSentenceTerms([{ terms: terms(acronym), weight: 1 }], EXPANSION_SCAN);
    await store.fetch({ units: holding });
    out.push(...holding.filter((u) => spellsOut(unitText(store, u), acronym)));
  }
  return out;
}

/**
 * The passages of the sentences that hold most of the question's rare words (or words derived
 * from them), added to a retrieval that missed them: a short fact ("Leader Name: …") matches a
 * plain question word for word but is outvoted inside its chunk, by meaning and by BM25 alike.
 * A sentence spelling out an acronym asked about comes first: it shares no word but the acronym.
 */
export async function withSentenceMatches(store: IndexView, retrieval: Retrieval, question: string): Promise<Retrieval> {
  const stats = sentenceStats(store);
  const groups = [...questionTerms(question)].map(([term, forms]) => ({ terms: [...forms], weight: stats.idf(term) }));
  const best = await store.searchSentenceTerms(groups, SENTENCE_MATCHES);
  await store.fetch({ units: best });
  const have = new Set(retrieval.chunks);
  const added: number[] = [];
  for (const unit of [...(await expansionUnits(store, question)), ...best]) {
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
