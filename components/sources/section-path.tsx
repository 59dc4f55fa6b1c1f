/** The headings above a passage: "History › Cold War". */
export function SectionPath({ section }: { section?: string[] }) {
  const parts = (section ?? []).map((s) => s.trim()).filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <span className="section-path">
      <span className="visually-hidden">Section: </span>
      {parts.join(" › ")}
    </span>
  );
}
