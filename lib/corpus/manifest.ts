import path from "node:path";
import { z } from "zod";
import { readCorpusSettings } from "./open";

/** corpus/corpus.json: metadata per file name. Files it does not name still ingest. */
export const MANIFEST_FILE = "corpus.json";

const entrySchema = z.object({
  title: z.string().min(1).optional(),
  source: z.string().min(1).nullable().optional(),
  publishedAt: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD")
    .nullable()
    .optional(),
});

const manifestSchema = z.record(z.string(), entrySchema);

export type ManifestEntry = z.infer<typeof entrySchema>;
export type CorpusManifest = z.infer<typeof manifestSchema>;

export async function readManifest(dir: string): Promise<CorpusManifest> {
  // No manifest: every file ingests with its defaults.
  return (await readCorpusSettings(path.join(dir, MANIFEST_FILE), manifestSchema)) ?? {};
}
