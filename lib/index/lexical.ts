import { terms } from "@/lib/text/normalize";

/** Terms plus adjacent pairs ("article 4"), so phrases rank above scattered words. */
export function lexicalTerms(text: string): string[] {
  const words = terms(text);
  const pairs = words.slice(1).map((w, i) => `${words[i]} ${w}`);
  return [...words, ...pairs];
}

/** BM25 over a list of fields (one per chunk): postings kept as plain arrays so they serialise as JSON. */
export type LexicalIndex = {
  k1: number;
  b: number;
  lengths: number[];
  averageLength: number;
  /** term → [docIndex, termFrequency, docIndex, termFrequency, ...] */
  postings: Record<string, number[]>;
};

export type LexicalHit = { index: number; score: number };

export function buildLexicalIndex(fields: string[], k1 = 1.2, b = 0.75): LexicalIndex {
  const postings: Record<string, number[]> = Object.create(null);
  const lengths: number[] = [];
  fields.forEach((field, index) => {
    const tokens = lexicalTerms(field);
    lengths.push(tokens.length);
    const counts = new Map<string, number>();
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, tf] of counts) (postings[t] ??= []).push(index, tf);
  });
  const averageLength = lengths.reduce((a, n) => a + n, 0) / Math.max(1, lengths.length);
  return { k1, b, lengths, averageLength, postings };
}

/** BM25's idf of one term over the indexed chunks: rare terms weigh more, unseen ones most. */
export function termIdf(index: LexicalIndex, term: string): number {
  const n = index.lengths.length;
  const documentFrequency = (index.postings[term]?.length ?? 0) / 2;
  return Math.log(1 + (n - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** Each content term of a text (pairs left out) with its idf. */
export function termWeights(idf: (term: string) => number, text: string): Map<string, number> {
  return new Map([...new Set(terms(text))].map((t) => [t, idf(t)]));
}

/** The best `k` fields for the query, by BM25; query terms repeated count once. */
export function searchLexical(index: LexicalIndex, query: string, k: number): LexicalHit[] {
  const scores = new Map<number, number>();
  for (const term of new Set(lexicalTerms(query))) {
    const list = index.postings[term];
    if (!list) continue;
    const weight = termIdf(index, term);
    for (let i = 0; i < list.length; i += 2) {
      const doc = list[i];
      const tf = list[i + 1];
      const norm = index.k1 * (1 - index.b + (index.b * index.lengths[doc]) / index.averageLength);
      scores.set(doc, (scores.get(doc) ?? 0) + (weight * tf * (index.k1 + 1)) / (tf + norm));
    }
  }
  return [...scores]
    .map(([i, score]) => ({ index: i, score }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, k);
}
