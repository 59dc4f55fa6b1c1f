import { formatDate, formatSource } from "./format";

type Props = {
  source: string | null;
  publishedAt: string | null;
  /** Make a URL source a link (not inside another control). */
  linkSource?: boolean;
  className?: string;
};

/** "en.wikipedia.org · 2025": where a document comes from and when it was published. */
export function SourceMeta({ source, publishedAt, linkSource = false, className }: Props) {
  const src = formatSource(source);
  const date = formatDate(publishedAt);
  if (!src && !date) return null;
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
    </span>
  );
}
