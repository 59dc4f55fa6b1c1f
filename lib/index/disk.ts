import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import hnswlib from "hnswlib-node";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { checkIndex, checkLexical, refuseOtherEmbedder } from "./check";
import {
  chunksSchema,
  documentsSchema,
  INDEX_FILES,
  INDEX_FORMAT,
  indexManifestSchema,
  lexicalSchema,
  unitsSchema,
  type IndexFileKey,
  type IndexManifest,
} from "./format";
import { isRunning, writerPid } from "./lock";
import { assembleStore, buildDense, buildLexical, memorySearch, type IndexData, type MemoryIndex } from "./store";

/** data/current is a symlink to the live index folder; swapping it is one atomic rename. */
const CURRENT = "current";

export function currentIndexDir(dataDir: string): string {
  return path.join(dataDir, CURRENT);
}

/** What ingest hands over: the manifest before the checksums of the written files are known. */
export type IndexDraft = Omit<IndexData, "manifest"> & { manifest: Omit<IndexManifest, "files"> };

/**
 * A damaged index is refused with what to do; the detail (paths, parser messages quoting file
 * bytes) stays in `cause`, for the server log only.
 */
function damaged(reason: string, cause?: unknown): AppError {
  return new AppError("index_incompatible", `The index is damaged (${reason}): run \`npm run ingest\` to rebuild it.`, { cause });
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The folder data/current points at, resolved once so that every file comes from one index. */
async function liveFolder(dataDir: string): Promise<string> {
  const dir = await fs.realpath(currentIndexDir(dataDir)).catch(() => null);
  const hasManifest = dir && (await fs.access(path.join(dir, INDEX_FILES.manifest)).then(() => true, () => false));
  if (!hasManifest) throw new AppError("index_missing", "There is no index yet: run `npm run ingest` to build it from corpus/.");
  return dir;
}

async function readManifest(dir: string): Promise<IndexManifest> {
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(path.join(dir, INDEX_FILES.manifest), "utf8"));
  } catch (error) {
    throw damaged(`${INDEX_FILES.manifest} cannot be read`, error);
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format === "number" && format !== INDEX_FORMAT) {
    throw new AppError("index_incompatible", `The index was built by another version of the app (format ${format}, expected ${INDEX_FORMAT}): run \`npm run ingest\` to rebuild it.`);
  }
  const parsed = indexManifestSchema.safeParse(json);
  if (!parsed.success) throw damaged(`${INDEX_FILES.manifest} has an unexpected shape`, parsed.error);
  return parsed.data;
}

/** A file's bytes, refused unless they are exactly those the manifest vouches for. */
async function readChecked(dir: string, manifest: IndexManifest, key: IndexFileKey): Promise<Buffer> {
  const name = INDEX_FILES[key];
  const bytes = await fs.readFile(path.join(dir, name)).catch((error: unknown) => {
    throw damaged(`${name} cannot be read`, error);
  });
  if (sha256(bytes) !== manifest.files[key]) throw damaged(`${name} does not match its checksum`);
  return bytes;
}

function parseChecked<S extends z.ZodType>(bytes: Buffer, key: IndexFileKey, schema: S): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw damaged(`${INDEX_FILES[key]} is not JSON`, error);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw damaged(`${INDEX_FILES[key]} has an unexpected shape`, parsed.error);
  return parsed.data;
}

function toVectors(bytes: Buffer): Float32Array {
  if (bytes.byteLength % 4 !== 0) throw damaged(`${INDEX_FILES.vectors} is not a list of 32-bit floats`);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

async function readData(dir: string): Promise<IndexData> {
  const manifest = await readManifest(dir);
  const [documents, chunks, units, vectors] = await Promise.all([
    readChecked(dir, manifest, "documents").then((b) => parseChecked(b, "documents", documentsSchema)),
    readChecked(dir, manifest, "chunks").then((b) => parseChecked(b, "chunks", chunksSchema)),
    readChecked(dir, manifest, "units").then((b) => parseChecked(b, "units", unitsSchema)),
    readChecked(dir, manifest, "vectors").then(toVectors),
  ]);
  const data: IndexData = { manifest, documents, chunks, units, vectors };
  const problem = checkIndex(data);
  if (problem) throw damaged(problem);
  return data;
}

/** Reads and checks the stored index without building search structures (used by ingest to reuse vectors). */
export async function readIndexData(dataDir: string): Promise<IndexData> {
  return readData(await liveFolder(dataDir));
}

/** Loads the live index, refusing one built by another embedder and any file that is not as written. */
export async function loadIndex(dataDir: string, embedderId?: string): Promise<MemoryIndex> {
  const dir = await liveFolder(dataDir);
  const data = await readData(dir);
  refuseOtherEmbedder(data.manifest.embedder.id, embedderId);
  const lexical = parseChecked(await readChecked(dir, data.manifest, "lexical"), "lexical", lexicalSchema);
  const problem = checkLexical(lexical, data.chunks.length);
  if (problem) throw damaged(problem);
  // hnswlib trusts its file: only bytes that match the checksum reach it (others could crash the process).
  await readChecked(dir, data.manifest, "dense");
  const dense = new hnswlib.HierarchicalNSW("cosine", data.manifest.embedder.dimensions);
  try {
    await dense.readIndex(path.join(dir, INDEX_FILES.dense));
  } catch (error) {
    throw damaged(`${INDEX_FILES.dense} cannot be loaded`, error);
  }
  if (dense.getCurrentCount() !== data.units.length) throw damaged(`${INDEX_FILES.dense} does not match the manifest`);
  return assembleStore(data, memorySearch(dense, lexical));
}

/**
 * Writes a new index beside the live one, then points data/current at it: an interrupted run
 * leaves the previous index in place. Callers hold the ingest lock (lock.ts).
 */
export async function writeIndex(dataDir: string, draft: IndexDraft): Promise<MemoryIndex> {
  await fs.mkdir(dataDir, { recursive: true });
  const name = `index-${Date.now()}-${process.pid}`;
  const dir = path.join(dataDir, name);
  await fs.mkdir(dir);
  try {
    const dense = buildDense(draft);
    const lexical = buildLexical(draft);
    const write = async (key: IndexFileKey, bytes: Uint8Array) => {
      await fs.writeFile(path.join(dir, INDEX_FILES[key]), bytes);
      return sha256(bytes);
    };
    const json = (value: unknown) => Buffer.from(JSON.stringify(value));
    const [documents, chunks, units, vectors, lexicalSum, denseSum] = await Promise.all([
      write("documents", json(draft.documents)),
      write("chunks", json(draft.chunks)),
      write("units", json(draft.units)),
      write("vectors", new Uint8Array(draft.vectors.buffer, draft.vectors.byteOffset, draft.vectors.byteLength)),
      write("lexical", json(lexical)),
      dense.writeIndex(path.join(dir, INDEX_FILES.dense)).then(async () => sha256(await fs.readFile(path.join(dir, INDEX_FILES.dense)))),
    ]);
    const manifest: IndexManifest = { ...draft.manifest, files: { documents, chunks, units, vectors, lexical: lexicalSum, dense: denseSum } };
    // The manifest goes last: a folder without one is never taken for an index.
    await fs.writeFile(path.join(dir, INDEX_FILES.manifest), JSON.stringify(manifest, null, 2));
    await swapCurrent(dataDir, name);
    await removeStale(dataDir, name);
    return assembleStore({ ...draft, manifest }, memorySearch(dense, lexical));
  } catch (error) {
    await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function swapCurrent(dataDir: string, name: string): Promise<void> {
  const link = path.join(dataDir, `${CURRENT}.${process.pid}.tmp`);
  await fs.rm(link, { force: true });
  await fs.symlink(name, link);
  await fs.rename(link, currentIndexDir(dataDir));
}

/**
 * Drops index folders that nobody uses: earlier indexes of this process and folders whose
 * writer is no longer running (earlier runs, interrupted ones). A folder of another running
 * process is left alone, complete or not: it may be an index about to become current.
 */
async function removeStale(dataDir: string, live: string): Promise<void> {
  const current = await fs.readlink(currentIndexDir(dataDir)).catch(() => live);
  for (const entry of await fs.readdir(dataDir)) {
    const pid = writerPid(entry);
    if (pid === null || entry === live || entry === current) continue;
    if (pid === process.pid || !isRunning(pid)) await fs.rm(path.join(dataDir, entry), { recursive: true, force: true });
  }
}
