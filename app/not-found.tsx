import type { Metadata } from "next";
import Link from "next/link";
import { Brand } from "@/components/ui/brand";

// The root layout's title template adds the collection's name.
export const metadata: Metadata = { title: "Page not found" };

/** Any unknown page: the app's frame with a way back, in landmarks like every other page. */
export default function NotFound() {
  return (
    <div className="app">
      <header className="header">
        <Brand home />
      </header>
      <main className="crash not-found">
        <h1 className="crash-title">Page not found</h1>
        <p className="crash-text">There is no page at this address.</p>
        <Link href="/" className="button button-secondary">
          Back to the chat
        </Link>
      </main>
    </div>
  );
}
