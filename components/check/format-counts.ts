import type { CheckResponse } from "@/lib/types";
import { VERDICTS } from "./verdicts";

/** "9 supported · 2 contradicted · 3 not found" */
export function formatCounts(counts: CheckResponse["counts"]): string {
  return VERDICTS.map(({ verdict, label }) => `${counts[verdict] ?? 0} ${label}`).join(" · ");
}
