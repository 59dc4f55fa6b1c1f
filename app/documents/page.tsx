import type { Metadata } from "next";
import { DocumentTable } from "@/components/documents/document-table";
import { formatDateTime } from "@/components/sources/format";
import { PageHeader } from "@/components/ui/page-header";
import { listDocuments } from "@/lib/engine/documents";
import { indexProblem } from "@/lib/engine/index-problem";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Documents" };

/** The library: every indexed document, and when the index was built. */
export default async function DocumentsPage() {
  const library = await listDocuments().catch(indexProblem);
  return (
    <div className="app">
      <PageHeader />
      <div className="app-body">
        <main className="page-column" aria-labelledby="library-title">
          <div className="page-inner">
            <h1 id="library-title" className="page-title">
              Documents
            </h1>
            {"problem" in library ? (
              <p className="note note-warning" role="alert">
                {library.problem}
              </p>
            ) : (
              <>
                <p className="page-intro" data-testid="index-summary">
                  {library.documents.length} {library.documents.length === 1 ? "document" : "documents"}, indexed{" "}
                  <time dateTime={library.builtAt}>{formatDateTime(library.builtAt)}</time>. Answers and checks come only from
                  these; open one to read it whole.
                </p>
                <DocumentTable documents={library.documents} />
              </>
            )}
          </div>
        </main>
      </div>
    </div>
  );
}
