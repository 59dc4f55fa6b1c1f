import { namesIn, negated } from "@/lib/citations/judge";
import { terms } from "@/lib/text/normalize";
import { disagree, numbersIn } from "@/lib/text/numbers";

/** The ways a claim can state the same thing as a passage differently. */
export const CHANGE_KINDS = ["number", "date", "name", "polarity"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export type Conflicts = Record<ChangeKind, boolean>;

const isYear = (n: number) => Number.isInteger(n) && n >= 1600 && n <= 2100;

/** Values in `a` that `b` lacks, while `b` has values of its own in their place. */
function replaced(a: Set<number>, b: Set<number>): boolean {
  return [...a].some((v) => !b.has(v)) && [...b].some((v) => !a.has(v));
}

function split(text: string): { years: Set<number>; counts: Set<number> } {
  const all = [...numbersIn(text)];
  return { years: new Set(all.filter(isYear)), counts: new Set(all.filter((n) => !isYear(n))) };
}

/**
 * Where a claim and a sentence much like it differ: a year the sentence replaces (date), a
 * count that differs (number: the same thing counted differently, or a number swapped for
 * another), a name the sentence lacks while giving another (name), or a negation one of the
 * two has (polarity). Only meaningful when the sentence is about the same thing.
 */
export function conflictsBetween(claim: string, evidence: string, isName: (word: string) => boolean): Conflicts {
  const c = split(claim);
  const e = split(evidence);
  const evidenceTerms = new Set(terms(evidence));
  const claimTerms = new Set(terms(claim));
  const missingName = namesIn(claim, isName).some((t) => !evidenceTerms.has(t));
  const otherName = namesIn(evidence, isName).some((t) => !claimTerms.has(t));
  return {
    date: replaced(c.years, e.years),
    number: disagree(claim, evidence) || replaced(c.counts, e.counts),
    name: missingName && otherName,
    polarity: negated(claim) !== negated(evidence),
  };
}
