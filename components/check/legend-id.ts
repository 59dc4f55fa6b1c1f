import type { Verdict } from "./verdicts";

/** The id of the legend entry that describes a verdict (one legend per page). */
export function legendId(verdict: Verdict): string {
  return `legend-${verdict}`;
}
