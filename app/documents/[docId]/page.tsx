import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DocumentReader } from "@/components/documents/document-reader";
import { formatBytes } from "@/components/sources/format";
import { SourceMeta } from "@/components/sources/source-meta";
import { ArrowLeftIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { getDocument } from "@/lib/engine/documents";
import { indexProblem } from "@/lib/engine/index-problem";
import { AppError } from "@/lib/errors";
import { docIdSchema } from "@/lib/schemas/document";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ docId: string }> };

/** The document, or notFound() for an id that is no document's (a malformed one included). */
async function load(docId: string) {
  if (!docIdSchema.safeParse(docId).success) notFound();
  try {
    return await getDocument(docId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    return indexProblem(error);
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const doc = await load((await params).docId);
  return { title: "title" in doc ? doc.title : "Documents" };
}

/** One document read whole, rendered as headings, paragraphs, lists and tables; `#start-end` highlights a span. */
export default async function DocumentPage({ params }: Props) {
  const doc = await load((await params).docId);
  return (
    <div className="app">
      <PageHeader />
      <div className="app-body">
        <main className="page-column" data-scroller aria-labelledby="document-title">
          <article className="page-inner document-page">
            <Link href="/documents" className="back-link">
              <ArrowLeftIcon size={14} />
              All documents
            </Link>
            {"problem" in doc ? (
              <p className="note note-warning" role="alert">
                {doc.problem}
              </p>
            ) : (
              <>
                <header className="document-header">
                  <h1 id="document-title" className="page-title">
                    {doc.title}
                  </h1>
                  <p className="document-facts">
                    <SourceMeta source={doc.source} publishedAt={doc.publishedAt} linkSource />
                    <span>
                      {doc.format.toUpperCase()} · {formatBytes(doc.bytes)}
                    </span>
                  </p>
                </header>
                <DocumentReader text={doc.text} />
              </>
            )}
          </article>
        </main>
      </div>
    </div>
  );
}
