import Link from "next/link";
import type { DocumentSummary } from "@/lib/engine/documents";
import { formatBytes, formatDate } from "@/components/sources/format";
import { passageHref } from "@/components/sources/passage-link";
import { SourceMeta } from "@/components/sources/source-meta";

/** The library as a table: one row per document, its title linking to the document read whole. */
export function DocumentTable({ documents }: { documents: DocumentSummary[] }) {
  return (
    <div className="library-table-wrap">
      <table className="library-table">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Source</th>
            <th scope="col">Date</th>
            <th scope="col">Format</th>
            <th scope="col" className="numeric">
              Size
            </th>
            <th scope="col" className="numeric">
              Chunks
            </th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d) => (
            <tr key={d.docId} data-doc-id={d.docId}>
              <th scope="row">
                <Link href={passageHref(d.docId)}>{d.title}</Link>
              </th>
              <td>
                {d.source ? <SourceMeta source={d.source} publishedAt={null} linkSource /> : "—"}
              </td>
              <td>{d.publishedAt ? <time dateTime={d.publishedAt}>{formatDate(d.publishedAt)}</time> : "—"}</td>
              <td className="format">{d.format.toUpperCase()}</td>
              <td className="numeric">{formatBytes(d.bytes)}</td>
              <td className="numeric">{d.chunks}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
