import { createHash } from "node:crypto";
import type { Dirent } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { firstHeading } from "@/lib/text/sections";
import type { DocumentFormat, DocumentRecord } from "@/lib/types";
import { COLLECTION_FILE } from "./collection";
import { MANIFEST_FILE, readManifest, type ManifestEntry } from "./manifest";
import { openCorpusFile } from "./open";

/** Larger files are refused before they are read, so a stray dump cannot exhaust memory. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const DOCUMENT_EXTENSIONS = new Map<string, DocumentFormat>([
  [".txt", "txt"],
  [".md", "md"],
]);

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

/** Decodes a file's bytes as UTF-8 text, or says why it is not a document. */
export function decodeDocument(bytes: Uint8Array): { text: string } | { problem: string } {
  if (bytes.length === 0) return { problem: "is empty" };
  if (bytes.includes(0)) return { problem: "looks binary (it contains NUL bytes)" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { problem: "is not valid UTF-8 text" };
  }
  if (!text.trim()) return { problem: "holds only whitespace" };
  return { text };
}

function titleFromFile(file: string): string {
  return path.basename(file, path.extname(file)).replace(/[-_]+/g, " ").trim();
}

function toDocument(file: string, text: string, bytes: Uint8Array, meta: ManifestEntry | undefined): CorpusDocument {
  return {
    file,
    docId: docIdFor(file),
    title: meta?.title ?? firstHeading(text) ?? titleFromFile(file),
    source: meta?.source ?? null,
    publishedAt: meta?.publishedAt ?? null,
    text,
    format: DOCUMENT_EXTENSIONS.get(path.extname(file).toLowerCase())!,
    bytes: bytes.length,
    hash: createHash("sha256").update(bytes).digest("hex"),
  };
}

/**
 * Why an entry of the corpus folder is not a document, or null when it is one to read.
 * Symbolic links are never followed, wherever they point: a corpus is the files in its folder.
 */
function skipReason(entry: Dirent): string | null {
  if (entry.isSymbolicLink()) return "it is a symbolic link, and links are not followed: copy the file into the corpus folder instead";
  if (entry.isDirectory()) return "it is a folder, and sub-folders are not read";
  if (!entry.isFile()) return "it is not a regular file (a FIFO, socket or device)";
  if (!DOCUMENT_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) return "only .txt and .md files are ingested";
  return null;
}

async function readOne(dir: string, file: string, meta: ManifestEntry | undefined): Promise<CorpusDocument | string> {
  let handle: fs.FileHandle;
  try {
    handle = await openCorpusFile(path.join(dir, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `${file} cannot be opened (${code === "ELOOP" ? "it became a symbolic link" : code}): fix or remove it.`;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return `${file} is no longer a regular file: fix or remove it.`;
    if (stat.size > MAX_DOCUMENT_BYTES) {
      return `${file} is ${(stat.size / 1048576).toFixed(1)} MB, over the ${MAX_DOCUMENT_BYTES / 1048576} MB limit per document: split it into smaller files.`;
    }
    const bytes = new Uint8Array(await handle.readFile());
    const decoded = decodeDocument(bytes);
    if ("problem" in decoded) return `${file} ${decoded.problem}: fix or remove it.`;
    return toDocument(file, decoded.text, bytes, meta);
  } finally {
    await handle.close();
  }
}

/**
 * Reads every .txt and .md file of the corpus folder; any bad file stops the whole read. Every
 * other entry (other files, folders, links, FIFOs) is listed in `skipped` with the reason.
 */
export async function readCorpus(dir: string): Promise<Corpus> {
  let entries: Dirent[];
  try {
    entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    throw new AppError("bad_input", `The corpus folder ${dir} does not exist: create it and put .txt or .md files in it.`);
  }
  const manifest = await readManifest(dir);
  const files: string[] = [];
  const skipped: SkippedEntry[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".") || (SETTINGS_FILES.has(entry.name) && entry.isFile())) continue;
    const reason = skipReason(entry);
    if (reason) skipped.push({ file: entry.name, reason });
    else files.push(entry.name);
  }
  if (files.length === 0) {
    throw new AppError("bad_input", `The corpus folder ${dir} has no .txt or .md documents to ingest.`);
  }
  const results = await Promise.all(files.map((f) => readOne(dir, f, manifest[f])));
  const problems = results.filter((r): r is string => typeof r === "string");
  const documents = results.filter((r): r is CorpusDocument => typeof r !== "string");
  problems.push(...duplicateIds(documents));
  if (problems.length) throw new AppError("bad_input", `Cannot ingest ${dir}:\n  ${problems.join("\n  ")}`);
  return { documents, skipped };
}

function duplicateIds(documents: CorpusDocument[]): string[] {
  const byId = new Map<string, string[]>();
  for (const d of documents) byId.set(d.docId, [...(byId.get(d.docId) ?? []), d.file]);
  return [...byId.values()].filter((f) => f.length > 1).map((f) => `${f.join(" and ")} would share one document id: rename one.`);
}
