import { formatDate, formatSource } from "./format";

type Props = {
  source: string | null;
  publishedAt: string | null;
  /** The PDF page the passage is on. */
  page?: number;
  /** Make a URL source a link (not inside another control). */
  linkSource?: boolean;
  className?: string;
};

/** "en.wikipedia.org · 2025 · p. 12": where a document comes from, when it was published, and the page of the passage. */
export function SourceMeta({ source, publishedAt, page, linkSource = false, className }: Props) {
  const src = formatSource(source);
  const date = formatDate(publishedAt);
  if (!src && !date && !page) return null;
  return (
    <span className={["source-meta", className].filter(Boolean).join(" ")}>
      {src &&
        (linkSource && src.href ? (
          <a href={src.href} target="_blank" rel="noopener noreferrer" className="source-link">
            {src.label}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        ) : (
          <span>{src.label}</span>
        ))}
      {src && date && <span aria-hidden="true"> · </span>}
      {date && publishedAt && <time dateTime={publishedAt}>{date}</time>}
      {(src || date) && page && <span aria-hidden="true"> · </span>}
      {page && <span>p. {page}</span>}
    </span>
  );
}
