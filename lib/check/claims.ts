import { splitAnswer } from "@/lib/citations/segment";
import { stripMarkers } from "@/lib/citations/markers";

/** One claim of a submitted text: its offsets there, its text as written, the text judged, what it cites. */
export type Claim = { start: number; end: number; text: string; judged: string; citations: number[] };

/**
 * The claims of a text: its sentences, split as answers are (lines end sentences, [n] markers stay
 * with the sentence they follow). The judged text has its markers removed: "[2]" is no fact.
 */
export function splitClaims(text: string): Claim[] {
  return splitAnswer(text, "sentences")
    .map((s) => ({ start: s.start, end: s.end, text: s.text, judged: stripMarkers(s.text).trim(), citations: s.citations }))
    .filter((c) => /\p{L}/u.test(c.judged));
}
