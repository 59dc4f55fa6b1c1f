import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";

/** An unknown document (or library page): said plainly, with the way to the library. */
export default function DocumentNotFound() {
  return (
    <div className="app">
      <PageHeader />
      <div className="app-body">
        <main className="page-column" aria-labelledby="not-found-title">
          <div className="page-inner">
            <h1 id="not-found-title" className="page-title">
              Document not found
            </h1>
            <p className="page-intro">
              There is no such document in the library: it may have been renamed or removed since the link was made.
            </p>
            <p>
              <Link href="/documents">See all documents</Link>
            </p>
          </div>
        </main>
      </div>
    </div>
  );
}
