import { isAbbreviation } from "@/lib/text/sentences";
import { isOnlyMarkers, markersIn, NUMBERED_MARKER as M } from "./markers";

/** One sentence (or claim) of an answer: offsets in the answer, its text with markers, what it cites. */
export type AnswerSegment = { start: number; end: number; text: string; citations: number[] };

/**
 * "sentences": split at sentence ends, for answers written by a model or elsewhere.
 * "claims": split after each run of markers, for answers built claim by claim (the extractive
 * answerer writes "claim [1] claim [2]", and a claim may hold a short heading-like sentence).
 */
export type SegmentMode = "sentences" | "claims";

const NEXT_SENTENCE = String.raw`(?=[ \t]+["“‘(]?[\p{Lu}\d])`;
/** A full stop, then any markers, then space and a capital or digit: markers may sit either side of the stop. */
const SENTENCE_END = new RegExp(String.raw`[.!?]["”’)]?(?:[ \t]*${M})*${NEXT_SENTENCE}`, "gu");
/** Markers then a new sentence, even with no full stop before them. */
const MARKERS_THEN_SENTENCE = new RegExp(String.raw`(?:[ \t]*${M})+${NEXT_SENTENCE}`, "gu");
const MARKERS_THEN_SPACE = new RegExp(String.raw`(?:[ \t]*${M})+(?=\s)`, "g");

function cutsIn(line: string, mode: SegmentMode): number[] {
  const cuts = new Set<number>();
  const patterns = mode === "claims" ? [MARKERS_THEN_SPACE] : [SENTENCE_END, MARKERS_THEN_SENTENCE];
  for (const pattern of patterns) {
    for (const m of line.matchAll(pattern)) {
      if (pattern === SENTENCE_END && isAbbreviation(line, m.index)) continue;
      cuts.add(m.index + m[0].length);
    }
  }
  return [...cuts].sort((a, b) => a - b);
}

function segmentOf(answer: string, start: number, end: number): AnswerSegment | null {
  while (start < end && /\s/.test(answer[start])) start++;
  while (end > start && /\s/.test(answer[end - 1])) end--;
  if (end <= start) return null;
  const text = answer.slice(start, end);
  return { start, end, text, citations: [...new Set(markersIn(text))] };
}

/** The sentences of an answer, in order; lines always end sentences, and lone markers join the sentence before. */
export function splitAnswer(answer: string, mode: SegmentMode = "sentences"): AnswerSegment[] {
  const out: AnswerSegment[] = [];
  let lineStart = 0;
  for (const line of answer.split("\n")) {
    let from = 0;
    for (const cut of [...cutsIn(line, mode), line.length]) {
      const segment = segmentOf(answer, lineStart + from, lineStart + cut);
      from = cut;
      if (!segment) continue;
      const previous = out.at(-1);
      if (previous && isOnlyMarkers(segment.text)) {
        previous.end = segment.end;
        previous.text = answer.slice(previous.start, previous.end);
        previous.citations = [...new Set([...previous.citations, ...segment.citations])];
      } else {
        out.push(segment);
      }
    }
    lineStart += line.length + 1;
  }
  return out;
}
