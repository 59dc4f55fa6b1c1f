import { collapseWhitespace } from "@/lib/text/normalize";
import { stripMarkers } from "./markers";

/** The answer when the documents do not cover the question: every answerer refuses in these words. */
export const NOT_COVERED = "The documents do not cover this question, so I cannot answer it from them.";

/** A refusal ("the documents do not cover this") states nothing to check. */
export function isRefusal(answer: string): boolean {
  return collapseWhitespace(stripMarkers(answer)) === NOT_COVERED;
}
