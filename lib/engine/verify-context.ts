import type { DocumentSentence, VerifyContext } from "@/lib/citations/judge";
import { termWeights } from "@/lib/index/lexical";
import { unitVector, type IndexView } from "@/lib/index/view";
import { mostlyWithin, overlap } from "@/lib/text/spans";
import type { Engine } from "./engine";

/** Verification through one request's view of the index; the spans it judges must be fetched (ViewNeed.spans, or their chunks). */
export type ViewVerifyContext = VerifyContext & { view: IndexView };

/** The fetched sentences of a document that touch a span, in order. */
function touching(view: IndexView, docId: string, span: { start: number; end: number }): number[] {
  const [first, end] = view.documentUnits(docId);
  const out: number[] = [];
  for (let i = first; i < end; i++) {
    const u = view.units[i];
    if (u && overlap(u, span) > 0) out.push(i);
  }
  return out;
}

/**
 * Verification against the index: its sentence vectors (every sentence was embedded at
 * ingestion) and its term statistics; only the answer's sentences need embedding.
 */
export function storeVerifyContext(view: IndexView, embed: (texts: string[]) => Promise<Float32Array[]>): ViewVerifyContext {
  return {
    view,
    documentSlice: (docId, start, end) => view.documentSlice(docId, start, end),
    documentLabel: (docId) => {
      const doc = view.documentById.get(docId);
      return doc ? [doc.title, doc.source, doc.publishedAt].filter(Boolean).join(" ") : "";
    },
    sentencesIn(docId, start, end) {
      const span = { start, end };
      const near = touching(view, docId, span);
      // Sentences mostly inside the span; a span shorter than half a sentence still gets its sentence.
      const inside = near.filter((i) => mostlyWithin(view.units[i], span));
      return (inside.length ? inside : near).map(
        (i): DocumentSentence => ({ start: view.units[i].start, end: view.units[i].end, vector: unitVector(view, i) }),
      );
    },
    termWeights: (text) => termWeights(view.termIdf, text),
    isName: (word) => view.writtenOnlyCapitalised(word),
    embed,
  };
}

/** Verification against the engine's index (a new view unless given one), embedding answer sentences with its embedder. */
export function verifyContext(engine: Engine, view: IndexView = engine.store.view()): ViewVerifyContext {
  return storeVerifyContext(view, (texts) => engine.embedder.embed(texts));
}
