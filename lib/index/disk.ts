import fs from "node:fs/promises";
import path from "node:path";
import hnswlib from "hnswlib-node";
import { AppError } from "@/lib/errors";
import { parseJsonFile, readJsonFile } from "@/lib/json-file";
import type { Chunk, DocumentRecord } from "@/lib/types";
import { INDEX_FILES, indexManifestSchema, type Unit } from "./format";
import type { LexicalIndex } from "./lexical";
import { assembleStore, buildDense, buildLexical, type IndexData, type IndexStore } from "./store";

/** data/current is a symlink to the live index folder; swapping it is one atomic rename. */
const CURRENT = "current";

export function currentIndexDir(dataDir: string): string {
  return path.join(dataDir, CURRENT);
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

function damaged(reason: string): AppError {
  return new AppError("index_incompatible", `The index in data/ is damaged or outdated (${reason}): run \`npm run ingest\` to rebuild it.`);
}

/** Reads the stored index without building search structures (used by ingest to reuse vectors). */
export async function readIndexData(dataDir: string): Promise<IndexData> {
  const dir = currentIndexDir(dataDir);
  if (!(await exists(path.join(dir, INDEX_FILES.manifest)))) {
    throw new AppError("index_missing", "There is no index yet: run `npm run ingest` to build it from corpus/.");
  }
  try {
    const manifest = await parseJsonFile(path.join(dir, INDEX_FILES.manifest), indexManifestSchema);
    if (!manifest.success) throw damaged("its manifest has an unknown format");
    const documents = (await readJsonFile(path.join(dir, INDEX_FILES.documents))) as DocumentRecord[];
    const chunks = (await readJsonFile(path.join(dir, INDEX_FILES.chunks))) as Chunk[];
    const units = (await readJsonFile(path.join(dir, INDEX_FILES.units))) as Unit[];
    const buffer = await fs.readFile(path.join(dir, INDEX_FILES.vectors));
    const vectors = new Float32Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
    const data: IndexData = { manifest: manifest.data, documents, chunks, units, vectors };
    checkConsistency(data);
    return data;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw damaged((error as Error).message);
  }
}

function checkConsistency(data: IndexData): void {
  const { manifest, documents, chunks, units, vectors } = data;
  if (!Array.isArray(documents) || !Array.isArray(chunks) || !Array.isArray(units)) throw damaged("a file is not a list");
  if (documents.length !== manifest.counts.documents || chunks.length !== manifest.counts.chunks) {
    throw damaged("the counts do not match the manifest");
  }
  if (units.length !== manifest.counts.units || vectors.length !== units.length * manifest.embedder.dimensions) {
    throw damaged("the vectors do not match the manifest");
  }
  const texts = new Map(documents.map((d) => [d.docId, d.text]));
  for (const c of chunks) {
    if (texts.get(c.docId)?.slice(c.start, c.end) !== c.text) throw damaged(`chunk ${c.chunkId} does not match its document`);
  }
}

/** Loads the live index, refusing one built by another embedder. */
export async function loadIndex(dataDir: string, embedderId?: string): Promise<IndexStore> {
  const data = await readIndexData(dataDir);
  if (embedderId && data.manifest.embedder.id !== embedderId) {
    throw new AppError(
      "index_incompatible",
      `The index was built with the embedder "${data.manifest.embedder.id}" but "${embedderId}" is configured: re-run \`npm run ingest\` (or set EMBEDDING_PROVIDER back).`,
    );
  }
  const dir = currentIndexDir(dataDir);
  try {
    const lexical = (await readJsonFile(path.join(dir, INDEX_FILES.lexical))) as LexicalIndex;
    const dense = new hnswlib.HierarchicalNSW("cosine", data.manifest.embedder.dimensions);
    await dense.readIndex(path.join(dir, INDEX_FILES.dense));
    if (dense.getCurrentCount() !== data.units.length) throw damaged("the vector index does not match the manifest");
    return assembleStore(data, dense, lexical);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw damaged((error as Error).message);
  }
}

/**
 * Writes a new index beside the live one, then points data/current at it: an interrupted run
 * leaves the previous index in place.
 */
export async function writeIndex(dataDir: string, data: IndexData): Promise<IndexStore> {
  await fs.mkdir(dataDir, { recursive: true });
  const name = `index-${Date.now()}-${process.pid}`;
  const dir = path.join(dataDir, name);
  await fs.mkdir(dir);
  try {
    const dense = buildDense(data);
    const lexical = buildLexical(data);
    await Promise.all([
      fs.writeFile(path.join(dir, INDEX_FILES.documents), JSON.stringify(data.documents)),
      fs.writeFile(path.join(dir, INDEX_FILES.chunks), JSON.stringify(data.chunks)),
      fs.writeFile(path.join(dir, INDEX_FILES.units), JSON.stringify(data.units)),
      fs.writeFile(path.join(dir, INDEX_FILES.vectors), new Uint8Array(data.vectors.buffer, data.vectors.byteOffset, data.vectors.byteLength)),
      fs.writeFile(path.join(dir, INDEX_FILES.lexical), JSON.stringify(lexical)),
      dense.writeIndex(path.join(dir, INDEX_FILES.dense)),
    ]);
    // The manifest goes last: a folder without one is never taken for an index.
    await fs.writeFile(path.join(dir, INDEX_FILES.manifest), JSON.stringify(data.manifest, null, 2));
    await swapCurrent(dataDir, name);
    await removeStale(dataDir, name);
    return assembleStore(data, dense, lexical);
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

/** Drops index folders other than the live one (earlier versions, leftovers of interrupted runs). */
async function removeStale(dataDir: string, live: string): Promise<void> {
  for (const entry of await fs.readdir(dataDir)) {
    if (entry.startsWith("index-") && entry !== live) await fs.rm(path.join(dataDir, entry), { recursive: true, force: true });
  }
}
