import { z } from "zod";

/** Document ids are file-name slugs: anything else (paths, dots) is refused before any lookup. */
export const docIdSchema = z.string().regex(/^[a-z0-9_-]{1,200}$/, "must be a document id (lower-case letters, digits, - and _)");

/** GET /api/documents/:docId's path parameters, and the get_document tool's input. */
export const documentRequestSchema = z.object({ docId: docIdSchema });
