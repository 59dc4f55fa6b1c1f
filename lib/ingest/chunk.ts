import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import { splitSections, type Section } from "@/lib/text/sections";
import { splitSentences } from "@/lib/text/sentences";
import type { Chunk } from "@/lib/types";

export type ChunkSettings = { chunkSize: number; chunkOverlap: number };

/** Chosen by measuring retrieval on the dev questions: see docs/chunking.md. */
export const DEFAULT_CHUNK_SETTINGS: ChunkSettings = { chunkSize: 600, chunkOverlap: 100 };

// A line separator stands in for the space after each sentence: same length, so offsets hold,
// and the splitter can prefer sentence ends over arbitrary spaces.
const SENTENCE_BREAK = "\u2028";

function markSentenceBreaks(text: string, from: number, to: number): string {
  const chars = text.slice(from, to).split("");
  const sentences = splitSentences(text, from, to);
  for (let i = 1; i < sentences.length; i++) {
    const gap = sentences[i - 1].end - from;
    if (chars[gap] === " ") chars[gap] = SENTENCE_BREAK;
  }
  return chars.join("");
}

function splitterFor(settings: ChunkSettings) {
  return new RecursiveCharacterTextSplitter({
    chunkSize: settings.chunkSize,
    chunkOverlap: settings.chunkOverlap,
    separators: ["\n\n", "\n", SENTENCE_BREAK, "; ", ", ", " ", ""],
  });
}

/** The document's sections, each cut again at the given offsets (a PDF's page starts). */
function sectionsCutAt(text: string, cuts: number[]): Section[] {
  return splitSections(text).flatMap((section) => {
    const bounds = [section.start, ...cuts.filter((c) => c > section.start && c < section.end), section.end];
    return bounds.slice(1).map((end, i) => ({ ...section, start: bounds[i], end })).filter((s) => text.slice(s.start, s.end).trim());
  });
}

/**
 * Chunks one document; every chunk is text.slice(start, end) and carries its section path. No
 * chunk runs across one of `cuts` (page starts), so a passage, and any quote in it, is on one page.
 */
export async function chunkDocument(docId: string, text: string, settings = DEFAULT_CHUNK_SETTINGS, cuts: number[] = []): Promise<Chunk[]> {
  const splitter = splitterFor(settings);
  const chunks: Chunk[] = [];
  for (const section of sectionsCutAt(text, cuts)) {
    const marked = markSentenceBreaks(text, section.start, section.end);
    let cursor = 0;
    for (const piece of await splitter.splitText(marked)) {
      const at = marked.indexOf(piece, cursor);
      if (at < 0) throw new Error(`Chunk of ${docId} not found in its section at ${section.start}`);
      const start = section.start + at;
      const end = start + piece.length;
      chunks.push({ chunkId: `${docId}:${start}-${end}`, docId, text: text.slice(start, end), start, end, section: section.path });
      cursor = at + 1;
    }
  }
  return chunks;
}
