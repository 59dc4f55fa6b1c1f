-- The index in Postgres (INDEX_STORE=postgres). A version lists its documents; a document's
-- content (text, chunks, sentences with their vectors, BM25 postings) is stored once and shared
-- by every version that holds it unchanged, so a re-ingest writes only what changed.
CREATE EXTENSION IF NOT EXISTS vector;

-- One document as ingested: its normalised text and the hash of its file.
CREATE TABLE contents (
  id bigserial PRIMARY KEY,
  doc_id text NOT NULL,
  hash text NOT NULL,
  title text NOT NULL,
  embedder text NOT NULL,
  -- chunk size, overlap and segmenter version, as JSON
  chunking text NOT NULL,
  text text NOT NULL,
  UNIQUE (doc_id, hash, title, embedder, chunking)
);

CREATE TABLE chunks (
  content_id bigint NOT NULL REFERENCES contents ON DELETE CASCADE,
  ord int NOT NULL,
  chunk_id text NOT NULL,
  start_offset int NOT NULL,
  end_offset int NOT NULL,
  section text[] NOT NULL,
  -- BM25's field length: terms and adjacent pairs of title, section path and text
  lexical_length int NOT NULL,
  PRIMARY KEY (content_id, ord)
);

-- The embedded sentences (units): offsets into the document text, answer kinds and names, vector.
CREATE TABLE sentences (
  content_id bigint NOT NULL REFERENCES contents ON DELETE CASCADE,
  ord int NOT NULL,
  start_offset int NOT NULL,
  end_offset int NOT NULL,
  kinds jsonb NOT NULL,
  names jsonb NOT NULL,
  embedding vector(512) NOT NULL,
  PRIMARY KEY (content_id, ord)
);
-- As the files store's hnswlib graph (HNSW_PARAMS in lib/index/format.ts).
CREATE INDEX sentences_embedding ON sentences USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 200);

-- BM25 term frequencies per chunk; document frequencies and the average length are per version.
CREATE TABLE postings (
  term text NOT NULL,
  content_id bigint NOT NULL REFERENCES contents ON DELETE CASCADE,
  chunk_ord int NOT NULL,
  tf int NOT NULL,
  PRIMARY KEY (term, content_id, chunk_ord)
);
CREATE INDEX postings_content ON postings (content_id);

CREATE TABLE index_versions (
  id bigserial PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- the manifest without file checksums: format, embedder, chunking, documents, counts
  description jsonb NOT NULL,
  chunk_count int NOT NULL,
  average_length double precision NOT NULL
);

-- A version's documents in order; unit and chunk numbers are first_unit + ord, first_chunk + ord.
CREATE TABLE version_documents (
  version bigint NOT NULL REFERENCES index_versions ON DELETE CASCADE,
  position int NOT NULL,
  content_id bigint NOT NULL REFERENCES contents,
  first_chunk int NOT NULL,
  first_unit int NOT NULL,
  source text,
  published_at text,
  format text NOT NULL,
  bytes int NOT NULL,
  PRIMARY KEY (version, position)
);
CREATE INDEX version_documents_content ON version_documents (content_id, version);

-- The live version: ingest flips it in one UPDATE, readers poll it.
CREATE TABLE index_current (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  version bigint REFERENCES index_versions
);
INSERT INTO index_current (version) VALUES (NULL);
