import { AppError } from "@/lib/errors";
import type { DocumentMeta, DocumentRecord } from "@/lib/types";
import { readDocument } from "@/lib/index/view";
import { getEngine } from "./engine";

/** GET /api/documents/:docId: the exact text citations point into. */
export async function getDocument(docId: string): Promise<DocumentRecord> {
  const doc = await readDocument((await getEngine()).store.view(), docId);
  if (!doc) throw new AppError("not_found", `There is no document "${docId}".`);
  return doc;
}

/** A document as the library lists it: what it is, and how many chunks of it the index holds. */
export type DocumentSummary = DocumentMeta & Pick<DocumentRecord, "format" | "bytes"> & { chunks: number };

/** GET /api/documents and the library page: every indexed document, in the index's order, and when the index was built. */
export async function listDocuments(): Promise<{ builtAt: string; documents: DocumentSummary[] }> {
  const { store } = await getEngine();
  const chunks = new Map(store.manifest.documents.map((d) => [d.docId, d.chunks]));
  return {
    builtAt: store.manifest.createdAt,
    documents: store.view().documents.map(({ docId, title, source, publishedAt, format, bytes }) => ({
      docId,
      title,
      source,
      publishedAt,
      format,
      bytes,
      chunks: chunks.get(docId) ?? 0,
    })),
  };
}
