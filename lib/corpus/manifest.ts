import type { FileHandle } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { openCorpusFile } from "./open";

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

/** corpus.json's text, or null when there is none (or it cannot be read): like any corpus file, never through a link. */
async function readManifestText(file: string): Promise<string | null> {
  let handle: FileHandle;
  try {
    handle = await openCorpusFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOOP") {
      throw new AppError("bad_input", `${file} is a symbolic link, and links are not followed: copy the file into the corpus folder instead.`);
    }
    return null;
  }
  try {
    if (!(await handle.stat()).isFile()) throw new AppError("bad_input", `${file} is not a regular file.`);
    return await handle.readFile("utf8");
  } finally {
    await handle.close();
  }
}

export async function readManifest(dir: string): Promise<CorpusManifest> {
  const file = path.join(dir, MANIFEST_FILE);
  const text = await readManifestText(file);
  if (text === null) return {}; // no manifest: every file ingests with its defaults
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError("bad_input", `${file} is not valid JSON (${(error as Error).message}).`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("bad_input", `${file}: "${issue.path.join(".")}" ${issue.message}.`);
  }
  return parsed.data;
}
