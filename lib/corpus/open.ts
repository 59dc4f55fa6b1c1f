import { constants } from "node:fs";
import fs from "node:fs/promises";
import type { z } from "zod";
import { AppError } from "@/lib/errors";

// O_NOFOLLOW: a symbolic link is refused (ELOOP), never followed out of the corpus folder, even
// one swapped in after the folder was listed. O_NONBLOCK: opening a FIFO does not hang.
const FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** Opens a file of the corpus folder without following links; the caller closes it. */
export function openCorpusFile(file: string): Promise<fs.FileHandle> {
  return fs.open(file, FLAGS);
}

/**
 * A settings file of the corpus folder read with its schema: null when there is none, an error
 * naming the file (and the field at fault) when it is not valid.
 */
export async function readCorpusSettings<T>(file: string, schema: z.ZodType<T>): Promise<T | null> {
  const text = await readCorpusText(file);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError("bad_input", `${file} is not valid JSON (${(error as Error).message}).`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length ? `"${issue.path.join(".")}" ` : "";
    throw new AppError("bad_input", `${file}: ${field}${issue.message}.`);
  }
  return parsed.data;
}

/**
 * The text of a settings file of the corpus folder (corpus.json, collection.json), or null when
 * there is none (or it cannot be opened): like any corpus file, never through a link.
 */
async function readCorpusText(file: string): Promise<string | null> {
  let handle: fs.FileHandle;
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
