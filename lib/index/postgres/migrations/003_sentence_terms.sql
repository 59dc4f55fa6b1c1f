-- Each sentence's content terms (terms() of lib/text/normalize.ts), written at ingest: the answer
-- ranker's sentence-level idf and its word-for-word sentence matches are read from here, so an app
-- process never holds every sentence.
CREATE TABLE sentence_terms (
  term text NOT NULL,
  content_id bigint NOT NULL REFERENCES contents ON DELETE CASCADE,
  ord int NOT NULL,
  PRIMARY KEY (term, content_id, ord)
);
CREATE INDEX sentence_terms_content ON sentence_terms (content_id);

-- Whether the text holds characters beyond the Basic Multilingual Plane (an emoji): one character
-- in Postgres, two UTF-16 code units in the offsets the index keeps. Requests read such a text whole;
-- the others only where their rows lie, by substr.
ALTER TABLE contents ADD COLUMN wide_characters boolean NOT NULL DEFAULT true;

-- Content written before this table has no terms: drop the index, so that the next
-- `npm run ingest` writes every document again (until then the app says to run it).
UPDATE index_current SET version = NULL;
DELETE FROM version_documents;
DELETE FROM index_versions;
DELETE FROM contents;
