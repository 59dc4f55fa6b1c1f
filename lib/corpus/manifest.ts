import path from "node:path";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseJsonFile } from "@/lib/json-file";

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
  const file = path.join(dir, MANIFEST_FILE);
  const parsed = await parseJsonFile(file, manifestSchema).catch((error: unknown) => {
    if (error instanceof SyntaxError) throw new AppError("bad_input", `${file} is not valid JSON (${error.message}).`);
    return null; // no manifest (or an unreadable one): every file ingests with its defaults
  });
  if (!parsed) return {};
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("bad_input", `${file}: "${issue.path.join(".")}" ${issue.message}.`);
  }
  return parsed.data;
}
