/** Small display helpers for the chat UI (pure, no Node imports). */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2025" → "2025", "2024-10" → "Oct 2024", "2024-03-04" → "4 Mar 2024"; anything else as given. */
export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso.trim());
  if (!m) return iso;
  const [, year, month, day] = m;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year;
  if (!day) return `${monthName} ${year}`;
  return `${Number(day)} ${monthName} ${year}`;
}

/** A source as people read it: a URL becomes its host name ("en.wikipedia.org"), anything else stays. */
export function formatSource(source: string | null | undefined): { label: string; href?: string } | null {
  if (!source) return null;
  try {
    const url = new URL(source);
    if (url.protocol === "http:" || url.protocol === "https:") {
      return { label: url.hostname.replace(/^www\./, ""), href: url.href };
    }
  } catch {
    // Not a URL: a publisher's name.
  }
  return { label: source };
}

/** 812 → "812 B", 20480 → "20 KB", 3250000 → "3.1 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, "KB"] : [bytes / (1024 * 1024), "MB"];
  return `${value < 10 ? value.toFixed(1).replace(/\.0$/, "") : Math.round(value)} ${unit}`;
}

/** "2026-11-23T17:00:55.771Z" → "23 Nov 2026, 17:00 UTC": the same on the server and in every browser. */
export function formatDateTime(iso: string): string {
  const time = /T(\d{2}:\d{2})/.exec(iso)?.[1];
  return time ? `${formatDate(iso)}, ${time} UTC` : (formatDate(iso) ?? iso);
}
