import type { DocumentSentence, VerifyContext } from "@/lib/citations/judge";
import { termWeights } from "@/lib/index/lexical";
import { unitVector, type IndexStore } from "@/lib/index/store";
import { mostlyWithin, overlap } from "@/lib/text/spans";
import type { Engine } from "./engine";

/** Words the documents write capitalised, and words they also write in lower case; once per index. */
const casing = new WeakMap<IndexStore, { capitalised: Set<string>; lower: Set<string> }>();

function casingOf(store: IndexStore) {
  let c = casing.get(store);
  if (!c) {
    c = { capitalised: new Set(), lower: new Set() };
    for (const doc of store.documents) {
      for (const [word] of doc.text.matchAll(/\p{L}[\p{L}\p{N}’']*/gu)) (/^\p{Lu}/u.test(word) ? c.capitalised : c.lower).add(word.toLowerCase());
    }
    casing.set(store, c);
  }
  return c;
}

/** Unit (sentence) indices of each document, in document order; built once per loaded index. */
const unitsByDoc = new WeakMap<IndexStore, Map<string, number[]>>();

function docUnits(store: IndexStore, docId: string): number[] {
  let byDoc = unitsByDoc.get(store);
  if (!byDoc) {
    byDoc = new Map();
    for (const [i, u] of store.units.entries()) {
      const units = byDoc.get(u.docId);
      if (units) units.push(i);
      else byDoc.set(u.docId, [i]);
    }
    unitsByDoc.set(store, byDoc);
  }
  return byDoc.get(docId) ?? [];
}

/**
 * Verification against the index: its sentence vectors (every sentence was embedded at
 * ingestion) and its term statistics; only the answer's sentences need embedding.
 */
export function storeVerifyContext(store: IndexStore, embed: (texts: string[]) => Promise<Float32Array[]>): VerifyContext {
  return {
    documentText: (docId) => store.documentById.get(docId)?.text,
    documentLabel: (docId) => {
      const doc = store.documentById.get(docId);
      return doc ? [doc.title, doc.source, doc.publishedAt].filter(Boolean).join(" ") : "";
    },
    sentencesIn(docId, start, end) {
      const span = { start, end };
      const touching = docUnits(store, docId).filter((i) => overlap(store.units[i], span) > 0);
      // Sentences mostly inside the span; a span shorter than half a sentence still gets its sentence.
      const inside = touching.filter((i) => mostlyWithin(store.units[i], span));
      return (inside.length ? inside : touching).map(
        (i): DocumentSentence => ({ start: store.units[i].start, end: store.units[i].end, vector: unitVector(store, i) }),
      );
    },
    termWeights: (text) => termWeights(store.termIdf, text),
    isName: (word) => {
      const { capitalised, lower } = casingOf(store);
      const w = word.toLowerCase();
      return capitalised.has(w) && !lower.has(w);
    },
    embed,
  };
}

/** Verification against the engine's index, embedding answer sentences with its embedder. */
export function verifyContext(engine: Engine): VerifyContext {
  return storeVerifyContext(engine.store, (texts) => engine.embedder.embed(texts));
}
