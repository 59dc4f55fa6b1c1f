import type { CheckedClaim } from "@/lib/types";

export type Verdict = CheckedClaim["verdict"];

/** The verdicts in the order the page lists them, with the words people read. */
export const VERDICTS: { verdict: Verdict; label: string; meaning: string }[] = [
  { verdict: "supported", label: "supported", meaning: "a document states it" },
  { verdict: "contradicted", label: "contradicted", meaning: "a document states otherwise" },
  { verdict: "not_found", label: "not found", meaning: "no document states it" },
];
