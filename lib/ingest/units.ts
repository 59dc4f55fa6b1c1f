import type { Unit } from "@/lib/index/format";
import { sentenceAnswerKinds } from "@/lib/text/answer-kinds";
import { namedEntities } from "@/lib/text/named-entities";
import { collapseWhitespace } from "@/lib/text/normalize";
import { splitSections } from "@/lib/text/sections";
import { splitSentences } from "@/lib/text/sentences";

/** Bumped when sentence or chunk boundaries, or the terms indexed (lib/text/normalize), change, so the next ingest redoes everything. */
export const SEGMENTER_VERSION = 9;

/** The sentences of a document that get embedded, section by section so none spans a heading. */
export function documentUnits(docId: string, text: string): Unit[] {
  const units: Unit[] = [];
  for (const section of splitSections(text)) {
    for (const s of splitSentences(text, section.start, section.end)) units.push({ docId, ...s, ...answerFacts(text.slice(s.start, s.end)) });
  }
  return units;
}

/** What kinds of answer a sentence holds and whom it names: read once here, not per question. */
function answerFacts(sentence: string): Pick<Unit, "kinds" | "names"> {
  return { kinds: [...sentenceAnswerKinds(sentence)], names: namedEntities(sentence) };
}

/** What the embedder reads for a unit: the sentence with its line breaks collapsed. */
export function unitEmbeddingText(text: string, unit: Unit): string {
  return collapseWhitespace(text.slice(unit.start, unit.end));
}
