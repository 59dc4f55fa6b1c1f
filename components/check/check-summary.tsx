import type { CheckResponse } from "@/lib/types";
import { formatCounts } from "./format-counts";
import { legendId } from "./legend-id";
import { VERDICTS } from "./verdicts";

/** The counts per verdict, and the legend of the underline colours. */
export function CheckSummary({ counts }: { counts: CheckResponse["counts"] }) {
  return (
    <div className="check-summary">
      <p className="check-counts" data-testid="check-counts">
        {formatCounts(counts)}
      </p>
      <ul className="check-legend" aria-label="Legend">
        {VERDICTS.map(({ verdict, label, meaning }) => (
          <li key={verdict} className="legend-item">
            <span className="legend-swatch" data-verdict={verdict} aria-hidden="true" />
            <span id={legendId(verdict)}>
              <span className="legend-label">{label}</span>: {meaning}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
