import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { MANIFEST_FILE, readManifest } from "@/lib/corpus/manifest";
import type { Embedder } from "@/lib/embeddings/types";
import { documentUnits } from "@/lib/ingest/units";
import { rng } from "./stats";

// Stand-ins for the real thing at sizes too large to run it: corpora many times the real one, and
// an embedder far cheaper than the model.

/**
 * Synthetic corpora `times` the size of the real one, made from its documents: copy 0 of each
 * document is the original; every other copy keeps the lines, headings and lengths but shuffles
 * the words within each sentence and changes every digit (see scramble), and gets its own file (and document id).
 * The text stays prose-like for the chunker, the sentence splitter and BM25, without being
 * identical copies (which would make BM25 postings and HNSW neighbourhoods unrealistically tidy).
 */
export async function writeSyntheticCorpus(realDir: string, times: number, seed = 7): Promise<{ dir: string; bytes: number; files: number }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `bench-corpus-${times}x-`));
  const manifest = await readManifest(realDir);
  const files = (await fs.readdir(realDir)).filter((f) => /\.(txt|md)$/i.test(f)).sort();
  const random = rng(seed);
  const outManifest: Record<string, unknown> = {};
  let bytes = 0;
  for (const file of files) {
    const text = await fs.readFile(path.join(realDir, file), "utf8");
    const ext = path.extname(file);
    for (let copy = 0; copy < times; copy++) {
      const name = copy === 0 ? file : `${path.basename(file, ext)}-copy${copy}${ext}`;
      const body = copy === 0 ? text : scramble(text, random);
      await fs.writeFile(path.join(dir, name), body);
      bytes += Buffer.byteLength(body);
      const meta = manifest[file];
      if (meta) outManifest[name] = copy === 0 ? meta : { ...meta, title: `${meta.title ?? file} (copy ${copy})` };
    }
  }
  await fs.writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(outManifest, null, 2));
  return { dir, bytes, files: files.length * times };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * Shuffles the words of each sentence (as the app's splitter finds it) within each of its lines,
 * keeping its first word and each line's last word in place, so that sentence and line ends, and
 * the length of everything, stay as they were; then changes every digit.
 */
function scramble(text: string, random: () => number): string {
  let out = "";
  let at = 0;
  for (const unit of documentUnits("synthetic", text)) {
    out += text.slice(at, unit.start);
    out += text
      .slice(unit.start, unit.end)
      .split("\n")
      .map((line, i) => shuffleLine(line, i === 0, random))
      .join("\n");
    at = unit.end;
  }
  out += text.slice(at);
  return out.replace(/\d/g, (d) => String((Number(d) + 1 + Math.floor(random() * 9)) % 10));
}

function shuffleLine(line: string, keepFirst: boolean, random: () => number): string {
  const words = line.split(" ");
  const from = keepFirst ? 1 : 0;
  if (words.length - from < 3) return line;
  const middle = shuffle(words.slice(from, -1), random);
  return [...words.slice(0, from), ...middle, words.at(-1)].join(" ");
}

const STAND_IN_DIMENSIONS = 512;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A cheap deterministic stand-in for the model (feature hashing of words into 512 signed
 * dimensions), so that the costs around the model (chunking, sentence splitting, HNSW and BM25
 * builds, writing) can be measured on corpora too large to embed for real. Its vectors share
 * words like the model's share meaning: similar sentences land near each other.
 */
export function standInEmbedder(): Embedder {
  return {
    id: "bench-stand-in@1",
    dimensions: STAND_IN_DIMENSIONS,
    async embed(texts: string[]): Promise<Float32Array[]> {
      return texts.map((text) => {
        const v = new Float32Array(STAND_IN_DIMENSIONS);
        for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? ["∅"]) {
          const h = fnv1a(word);
          v[h % STAND_IN_DIMENSIONS] += h & 0x100 ? 1 : -1;
          v[(h >>> 9) % STAND_IN_DIMENSIONS] += h & 0x200 ? 0.5 : -0.5;
        }
        const norm = Math.hypot(...v) || 1;
        return v.map((x) => x / norm);
      });
    },
  };
}
