import type pg from "pg";
import { lexicalTerms } from "../lexical";
import type { IndexSearch } from "../store";
import type { VersionStats } from "./load";
import { toPgVector } from "./vectors";

/** BM25's parameters, as lib/index/lexical.ts builds the files store's index. */
const K1 = 1.2;
const B = 0.75;

/** Nearest sentences of the version by cosine distance, through the HNSW index (pool.ts sets its breadth). */
const DENSE_SQL = `
  SELECT v.first_unit + s.ord AS unit, s.embedding <=> $1::vector AS distance
  FROM sentences s JOIN version_documents v ON v.content_id = s.content_id
  WHERE v.version = $2
  ORDER BY s.embedding <=> $1::vector
  LIMIT $3`;

/**
 * BM25 over the version's chunks, as searchLexical in lib/index/lexical.ts computes it: the
 * document frequencies are counted over the version's postings, the lengths are per chunk.
 */
const LEXICAL_SQL = `
  WITH hits AS (
    SELECT p.term, v.first_chunk + p.chunk_ord AS chunk, p.tf, c.lexical_length AS len
    FROM postings p
    JOIN version_documents v ON v.content_id = p.content_id AND v.version = $2
    JOIN chunks c ON c.content_id = p.content_id AND c.ord = p.chunk_ord
    WHERE p.term = ANY($1::text[])
  ), df AS (SELECT term, count(*) AS n FROM hits GROUP BY term)
  SELECT chunk, sum(ln(1 + ($3::float8 - df.n + 0.5) / (df.n + 0.5)) * tf * (${K1} + 1) / (tf + ${K1} * (1 - ${B} + ${B} * len / $4::float8))) AS score
  FROM hits JOIN df USING (term)
  GROUP BY chunk
  ORDER BY score DESC, chunk
  LIMIT $5`;

/**
 * The sentences holding the groups' words ($1 group of each word in $2), best first by the sum of
 * their groups' weights ($3, by group): the sum is written out group by group, in order, so that
 * it adds as sentence-terms.ts adds in memory and ties break alike.
 */
const sentenceTermsSql = (groups: number) => `
  WITH hits AS (
    SELECT v.first_unit + st.ord AS unit, array_agg(DISTINCT q.g) AS gs
    FROM unnest($1::int[], $2::text[]) AS q(g, term)
    JOIN sentence_terms st ON st.term = q.term
    JOIN version_documents v ON v.content_id = st.content_id AND v.version = $4
    GROUP BY 1
  )
  SELECT unit FROM hits
  ORDER BY ${Array.from({ length: groups }, (_, g) => `CASE WHEN ${g} = ANY(gs) THEN ($3::float8[])[${g + 1}] ELSE 0 END`).reduce((sum, w) => `(${sum} + ${w})`, "0::float8")} DESC, unit
  LIMIT $5`;

/**
 * Search in SQL (the Postgres store). `documentFrequency` holds the version's single words only,
 * for termIdf (verification weighs the words of a sentence): pairs stay in the database.
 */
export function postgresSearch(pool: pg.Pool, stats: VersionStats, documentFrequency: Map<string, number>): IndexSearch {
  return {
    async searchDense(vector, k) {
      if (k <= 0) return [];
      const { rows } = await pool.query<{ unit: number; distance: number }>(DENSE_SQL, [toPgVector(vector), stats.version, k]);
      return rows.map((r) => ({ unit: r.unit, similarity: 1 - r.distance }));
    },
    async searchLexical(query, k) {
      const terms = [...new Set(lexicalTerms(query))];
      if (!terms.length || k <= 0) return [];
      const { rows } = await pool.query<{ chunk: number; score: number }>(LEXICAL_SQL, [terms, stats.version, stats.chunkCount, stats.averageLength, k]);
      return rows.map((r) => ({ index: r.chunk, score: r.score }));
    },
    async searchSentenceTerms(groups, k) {
      const words = groups.flatMap((g, i) => g.terms.map((term) => [i, term] as const));
      if (!words.length || k <= 0) return [];
      const { rows } = await pool.query<{ unit: number }>(sentenceTermsSql(groups.length), [
        words.map((w) => w[0]),
        words.map((w) => w[1]),
        groups.map((g) => g.weight),
        stats.version,
        k,
      ]);
      return rows.map((r) => r.unit);
    },
    termIdf(term) {
      const df = documentFrequency.get(term) ?? 0;
      return Math.log(1 + (stats.chunkCount - df + 0.5) / (df + 0.5));
    },
  };
}

/** The version's single-word document frequencies (for termIdf). */
export async function singleWordFrequencies(db: pg.Pool | pg.PoolClient, version: number): Promise<Map<string, number>> {
  const { rows } = await db.query<{ term: string; n: number }>(
    `SELECT p.term, count(*)::int AS n FROM postings p JOIN version_documents v ON v.content_id = p.content_id AND v.version = $1
     WHERE strpos(p.term, ' ') = 0 GROUP BY p.term`,
    [version],
  );
  return new Map(rows.map((r) => [r.term, r.n]));
}
