import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { LexicalIndex } from "./lexical";
import type { StoreData } from "./store";

/** The hash the manifest keeps of a document's text (the file itself may be a PDF, a page, a Word file). */
export function textHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * What is wrong with an index whose files parsed, or null: counts against the manifest, each
 * document against its hash, every chunk and unit inside its document (units in order, not
 * overlapping), vectors finite. Checksums catch damage to the bytes; this catches an index
 * that was written wrong or edited consistently.
 */
export function checkIndex(data: StoreData): string | null {
  const { manifest, documents, chunks, units, vectors } = data;
  if (documents.length !== manifest.counts.documents || chunks.length !== manifest.counts.chunks || units.length !== manifest.counts.units) {
    return "the counts do not match the manifest";
  }
  if (manifest.documents.length !== documents.length) return "the documents do not match the manifest";
  const texts = new Map<string, string>();
  for (const [i, d] of documents.entries()) {
    const entry = manifest.documents[i];
    if (entry.docId !== d.docId || texts.has(d.docId) || textHash(d.text) !== entry.textHash) return `document ${i + 1} does not match the manifest`;
    texts.set(d.docId, d.text);
  }
  for (const [i, c] of chunks.entries()) {
    const text = texts.get(c.docId);
    if (text === undefined || c.start >= c.end || c.end > text.length || text.slice(c.start, c.end) !== c.text) {
      return `chunk ${i + 1} does not lie in its document`;
    }
  }
  const lastEnd = new Map<string, number>();
  for (const [i, u] of units.entries()) {
    const text = texts.get(u.docId);
    if (text === undefined || u.start >= u.end || u.end > text.length || u.start < (lastEnd.get(u.docId) ?? 0)) {
      return `sentence ${i + 1} does not lie in its document`;
    }
    lastEnd.set(u.docId, u.end);
  }
  if (vectors.length !== units.length * manifest.embedder.dimensions) return "the vectors do not match the manifest";
  if (!vectors.every(Number.isFinite)) return "the vectors hold values that are not numbers";
  return null;
}

/** What is wrong with a BM25 index over `chunkCount` chunks, or null. */
export function checkLexical(lexical: LexicalIndex, chunkCount: number): string | null {
  if (lexical.lengths.length !== chunkCount) return "the word index does not match the chunks";
  for (const list of Object.values(lexical.postings)) {
    if (list.length % 2 !== 0) return "the word index is malformed";
    for (let i = 0; i < list.length; i += 2) if (list[i] >= chunkCount || list[i + 1] < 1) return "the word index points outside the chunks";
  }
  return null;
}

/** An index is queried only with the embedder that built it: other vectors would not compare. */
export function refuseOtherEmbedder(builtWith: string, configured: string | undefined): void {
  if (configured && builtWith !== configured) {
    throw new AppError(
      "index_incompatible",
      `The index was built with the embedder "${builtWith}" but "${configured}" is configured: re-run \`npm run ingest\` (or set EMBEDDING_PROVIDER back).`,
    );
  }
}
