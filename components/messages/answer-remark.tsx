import { InfoIcon } from "@/components/ui/icons";

/** A remark from the server about how the answer was made (e.g. a fallback answerer). */
export function AnswerRemark({ children }: { children: React.ReactNode }) {
  return (
    <div className="note note-muted" role="note">
      <InfoIcon size={16} className="note-icon" />
      <span>{children}</span>
    </div>
  );
}
