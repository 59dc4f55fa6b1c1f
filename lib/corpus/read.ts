import { createHash } from "node:crypto";
import type { Dirent } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { firstHeading } from "@/lib/text/sections";
import type { DocumentFormat, DocumentRecord } from "@/lib/types";
import { COLLECTION_FILE } from "./collection";
import { convertDocument, type ConvertedDocument } from "./convert";
import { MANIFEST_FILE, readManifest, type ManifestEntry } from "./manifest";
import { openCorpusFile } from "./open";

/** Larger files are refused before they are read, so a stray dump cannot exhaust memory. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const DOCUMENT_EXTENSIONS = new Map<string, DocumentFormat>([
  [".txt", "txt"],
  [".md", "md"],
  [".markdown", "md"],
  [".html", "html"],
  [".htm", "html"],
  [".pdf", "pdf"],
  [".docx", "docx"],
]);
/** The extensions read, as said to the user. */
const READ_EXTENSIONS = ".txt, .md, .html, .pdf and .docx";

/** The corpus folder's own settings files: read for what they say, never ingested or listed as skipped. */
const SETTINGS_FILES = new Set([MANIFEST_FILE, COLLECTION_FILE]);

export type CorpusDocument = DocumentRecord & { file: string; hash: string };
/** An entry of the corpus folder that is not read, and why (said to the user, never silent). */
export type SkippedEntry = { file: string; reason: string };
export type Corpus = { documents: CorpusDocument[]; skipped: SkippedEntry[] };

/** "Wikipedia NATO.txt" → "wikipedia-nato": the stable id in URLs and chunk ids. */
export function docIdFor(file: string): string {
  const stem = path.basename(file, path.extname(file));
  const slug = stem
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "document";
}

function titleFromFile(file: string): string {
  return path.basename(file, path.extname(file)).replace(/[-_]+/g, " ").trim();
}

function toDocument(file: string, converted: ConvertedDocument, bytes: Uint8Array, meta: ManifestEntry | undefined): CorpusDocument {
  const { text, format, pages } = converted;
  return {
    file,
    docId: docIdFor(file),
    title: meta?.title ?? converted.title ?? firstHeading(text) ?? titleFromFile(file),
    source: meta?.source ?? null,
    publishedAt: meta?.publishedAt ?? null,
    text,
    format,
    bytes: bytes.length,
    ...(pages ? { pages } : {}),
    hash: fileHash(bytes),
  };
}

/** What tells a changed file from an unchanged one: the hash of its bytes, before any conversion. */
export function fileHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function documentFormat(file: string): DocumentFormat | undefined {
  return DOCUMENT_EXTENSIONS.get(path.extname(file).toLowerCase());
}

/**
 * Why an entry of the corpus folder is not a document, or null when it is one to read.
 * Symbolic links are never followed, wherever they point: a corpus is the files in its folder.
 */
function skipReason(entry: Dirent): string | null {
  if (entry.isSymbolicLink()) return "it is a symbolic link, and links are not followed: copy the file into the corpus folder instead";
  if (entry.isDirectory()) return "it is a folder, and sub-folders are not read";
  if (!entry.isFile()) return "it is not a regular file (a FIFO, socket or device)";
  if (!documentFormat(entry.name)) return `only ${READ_EXTENSIONS} files are ingested`;
  return null;
}

/** A file's bytes, or why they cannot be read. Never through a link, never more than the limit. */
export async function readCorpusFile(dir: string, file: string): Promise<Uint8Array | { problem: string }> {
  let handle: fs.FileHandle;
  try {
    handle = await openCorpusFile(path.join(dir, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: `cannot be opened (${code === "ELOOP" ? "it became a symbolic link" : code})` };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { problem: "is no longer a regular file" };
    if (stat.size > MAX_DOCUMENT_BYTES) {
      return { problem: `is ${(stat.size / 1048576).toFixed(1)} MB, over the ${MAX_DOCUMENT_BYTES / 1048576} MB limit per document (split it into smaller files)` };
    }
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}

/** A bad file and what is wrong with it, in words that follow its name. */
type BadFile = { file: string; problem: string };

async function readOne(dir: string, file: string, meta: ManifestEntry | undefined): Promise<CorpusDocument | BadFile> {
  const bytes = await readCorpusFile(dir, file);
  if ("problem" in bytes) return { file, problem: bytes.problem };
  const converted = await convertDocument(documentFormat(file)!, bytes);
  if ("problem" in converted) return { file, problem: converted.problem };
  return toDocument(file, converted, bytes, meta);
}

/** The documents of the corpus folder to read, and every other entry with why it is not read. */
export async function listCorpus(dir: string): Promise<{ files: string[]; skipped: SkippedEntry[] }> {
  let entries: Dirent[];
  try {
    entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    throw new AppError("bad_input", `The corpus folder ${dir} does not exist: create it and put ${READ_EXTENSIONS} files in it.`);
  }
  const files: string[] = [];
  const skipped: SkippedEntry[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".") || (SETTINGS_FILES.has(entry.name) && entry.isFile())) continue;
    const reason = skipReason(entry);
    if (reason) skipped.push({ file: entry.name, reason });
    else files.push(entry.name);
  }
  return { files, skipped };
}

export type ReadCorpusOptions = {
  /** Bad files (unreadable, broken, over the limit, no text) are listed in `skipped` instead of stopping the read. */
  skipBad?: boolean;
};

/**
 * Reads and converts every document of the corpus folder; any bad file stops the whole read
 * (or, with `skipBad`, is listed in `skipped`). Every other entry (other files, folders, links,
 * FIFOs) is listed in `skipped` with the reason.
 */
export async function readCorpus(dir: string, options: ReadCorpusOptions = {}): Promise<Corpus> {
  const { files, skipped } = await listCorpus(dir);
  const manifest = await readManifest(dir);
  const results = await Promise.all(files.map((f) => readOne(dir, f, manifest[f])));
  const documents = results.filter((r): r is CorpusDocument => "docId" in r);
  const bad = results.filter((r): r is BadFile => "problem" in r);
  const problems = bad.map(({ file, problem }) => `${file} ${problem}: fix or remove it.`);
  if (options.skipBad) {
    skipped.push(...bad.map(({ file, problem }) => ({ file, reason: `it ${problem}` })));
    problems.length = 0;
  }
  problems.push(...duplicateIds(documents));
  if (problems.length) throw new AppError("bad_input", `Cannot ingest ${dir}:\n  ${problems.join("\n  ")}`);
  if (documents.length === 0) throw new AppError("bad_input", `The corpus folder ${dir} has no ${READ_EXTENSIONS} documents to ingest.`);
  return { documents, skipped };
}

function duplicateIds(documents: CorpusDocument[]): string[] {
  const byId = new Map<string, string[]>();
  for (const d of documents) byId.set(d.docId, [...(byId.get(d.docId) ?? []), d.file]);
  return [...byId.values()].filter((f) => f.length > 1).map((f) => `${f.join(" and ")} would share one document id: rename one.`);
}
