import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { firstHeading } from "@/lib/text/sections";
import type { DocumentRecord } from "@/lib/types";
import { MANIFEST_FILE, readManifest, type ManifestEntry } from "./manifest";

/** Larger files are refused before they are read, so a stray dump cannot exhaust memory. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const DOCUMENT_EXTENSIONS = new Set([".txt", ".md"]);

export type CorpusDocument = DocumentRecord & { file: string; hash: string };
export type Corpus = { documents: CorpusDocument[]; skipped: string[] };

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
    hash: createHash("sha256").update(bytes).digest("hex"),
  };
}

async function readOne(dir: string, file: string, meta: ManifestEntry | undefined): Promise<CorpusDocument | string> {
  const full = path.join(dir, file);
  const stat = await fs.stat(full);
  if (stat.size > MAX_DOCUMENT_BYTES) {
    return `${file} is ${(stat.size / 1048576).toFixed(1)} MB, over the ${MAX_DOCUMENT_BYTES / 1048576} MB limit per document: split it into smaller files.`;
  }
  const bytes = new Uint8Array(await fs.readFile(full));
  const decoded = decodeDocument(bytes);
  if ("problem" in decoded) return `${file} ${decoded.problem}: fix or remove it.`;
  return toDocument(file, decoded.text, bytes, meta);
}

/** Reads every .txt and .md file of the corpus folder; any bad file stops the whole read. */
export async function readCorpus(dir: string): Promise<Corpus> {
  let names: string[];
  try {
    names = (await fs.readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  } catch {
    throw new AppError("bad_input", `The corpus folder ${dir} does not exist: create it and put .txt or .md files in it.`);
  }
  const manifest = await readManifest(dir);
  const candidates = names.filter((n) => !n.startsWith(".") && n !== MANIFEST_FILE);
  const files = candidates.filter((n) => DOCUMENT_EXTENSIONS.has(path.extname(n).toLowerCase()));
  const skipped = candidates.filter((n) => !files.includes(n));
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
