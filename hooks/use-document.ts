"use client";

import { useEffect, useState } from "react";
import type { DocumentRecord } from "@/lib/types";
import { isNetworkError } from "@/components/chat/describe-chat-error";

/** Documents do not change while the page is open: fetch each one once. */
const cache = new Map<string, Promise<DocumentRecord>>();

const UNREACHABLE = "Could not load the passage: the server is not reachable. Check that it is running, then try again.";

async function load(docId: string): Promise<DocumentRecord> {
  let res: Response;
  try {
    res = await fetch(`/api/documents/${encodeURIComponent(docId)}`);
  } catch (error) {
    // Never the browser's own words ("Failed to fetch").
    throw new Error(isNetworkError(error) ? UNREACHABLE : "The document could not be loaded.");
  }
  if (!res.ok) {
    let message = `The document could not be loaded (HTTP ${res.status}).`;
    try {
      const body = (await res.json()) as { error?: { message?: string } };
      if (body?.error?.message) message = body.error.message;
    } catch {
      // Not JSON: keep the generic message.
    }
    throw new Error(message);
  }
  return (await res.json()) as DocumentRecord;
}

function fetchDocument(docId: string): Promise<DocumentRecord> {
  let pending = cache.get(docId);
  if (!pending) {
    pending = load(docId);
    cache.set(docId, pending);
    // A failure is not cached, so that "Try again" fetches anew.
    pending.catch(() => cache.delete(docId));
  }
  return pending;
}

type State = { docId: string; attempt: number; doc?: DocumentRecord; error?: string };

export type DocumentState =
  | { status: "loading" }
  | { status: "error"; error: string; retry: () => void }
  | { status: "ready"; doc: DocumentRecord };

/** The full text of a document, as /api/documents/:docId serves it. */
export function useDocument(docId: string): DocumentState {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<State | null>(null);

  useEffect(() => {
    let live = true;
    fetchDocument(docId).then(
      (doc) => live && setState({ docId, attempt, doc }),
      (error: unknown) =>
        live &&
        setState({ docId, attempt, error: error instanceof Error ? error.message : "The document could not be loaded." }),
    );
    return () => {
      live = false;
    };
  }, [docId, attempt]);

  if (!state || state.docId !== docId || state.attempt !== attempt) return { status: "loading" };
  if (state.doc) return { status: "ready", doc: state.doc };
  return { status: "error", error: state.error ?? "The document could not be loaded.", retry: () => setAttempt((a) => a + 1) };
}
