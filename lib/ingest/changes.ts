import { MANIFEST_FILE, readManifest } from "@/lib/corpus/manifest";
import { fileHash, listCorpus, readCorpusFile } from "@/lib/corpus/read";
import { AppError } from "@/lib/errors";
import { readIndexData } from "@/lib/index/disk";
import type { IndexData } from "@/lib/index/store";
import { SEGMENTER_VERSION } from "./units";

function named(count: number, what: string, files: string[]): string[] {
  return count ? [`${count} ${what} (${files.join(", ")})`] : [];
}

/** Files still present whose title, source or date in corpus.json differ from what the index holds. */
async function editedMetadata(corpusDir: string, index: IndexData, present: Set<string>): Promise<string[]> {
  const manifest = await readManifest(corpusDir);
  const byId = new Map(index.documents.map((d) => [d.docId, d]));
  return index.manifest.documents
    .filter(({ docId, file }) => {
      if (!present.has(file)) return false;
      const entry = manifest[file] ?? {};
      const doc = byId.get(docId)!;
      return (entry.title !== undefined && entry.title !== doc.title) || (entry.source ?? null) !== doc.source || (entry.publishedAt ?? null) !== doc.publishedAt;
    })
    .map((d) => d.file);
}

/**
 * How the corpus folder differs from what the index was built from, in words (empty when the
 * index is current): files new, changed (by content hash) or removed, and metadata edited in
 * corpus.json. Cheap: files are hashed, not converted or embedded.
 */
export async function corpusChangesSinceIndex(corpusDir: string, dataDir: string): Promise<string[]> {
  const index = await readIndexData(dataDir).catch((error: Error) => error);
  if (index instanceof Error) {
    return [index instanceof AppError && index.code === "index_missing" ? "there is no index yet" : "the index is outdated or damaged"];
  }
  // A newer sentence splitter (answer kinds are read per sentence too) means every document again.
  if (index.manifest.chunking.segmenter !== SEGMENTER_VERSION) return ["the sentence splitter has changed since the index was built"];
  const indexed = new Map(index.manifest.documents.map((d) => [d.file, d.hash]));
  const { files } = await listCorpus(corpusDir);
  const added: string[] = [];
  const changed: string[] = [];
  for (const file of files) {
    const before = indexed.get(file);
    if (!before) {
      added.push(file);
      continue;
    }
    const bytes = await readCorpusFile(corpusDir, file);
    if ("problem" in bytes || fileHash(bytes) !== before) changed.push(file);
  }
  const present = new Set(files);
  const removed = [...indexed.keys()].filter((f) => !present.has(f));
  const edited = await editedMetadata(corpusDir, index, present);
  return [
    ...named(added.length, "new", added),
    ...named(changed.length, "changed", changed),
    ...named(removed.length, "removed", removed),
    ...named(edited.length, `with new metadata in ${MANIFEST_FILE}`, edited),
  ];
}
