import { AppError } from "@/lib/errors";
import type { DocumentRecord } from "@/lib/types";
import { getEngine } from "./engine";

/** GET /api/documents/:docId: the exact text citations point into. */
export async function getDocument(docId: string): Promise<DocumentRecord> {
  const doc = (await getEngine()).store.documentById.get(docId);
  if (!doc) throw new AppError("not_found", `There is no document "${docId}".`);
  return doc;
}
