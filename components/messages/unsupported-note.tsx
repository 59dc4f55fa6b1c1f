import { InfoIcon } from "@/components/ui/icons";

/** The legend of the dotted underline: shown under an answer that has sentences its citations do not support. */
export function UnsupportedNote({ count }: { count: number }) {
  const what = count === 1 ? "sentence is" : `${count} sentences are`;
  return (
    <div className="note note-muted" role="note" data-testid="unsupported-legend">
      <InfoIcon size={16} className="note-icon" />
      <span>
        The <span className="unsupported">underlined</span> {what} not supported by the passages cited: check the
        sources before relying on {count === 1 ? "it" : "them"}.
      </span>
    </div>
  );
}
