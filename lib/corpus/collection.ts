import path from "node:path";
import { z } from "zod";
import { readCorpusSettings } from "./open";

/** collection.json, beside the documents: what the pages call the collection. Not a document itself. */
export const COLLECTION_FILE = "collection.json";

const text = (max: number) => z.string().trim().min(1).max(max);

const collectionSchema = z
  .object({
    /** The product's name: the page titles, the header, the OpenAPI title. */
    name: text(60),
    /** A line under the name. */
    tagline: text(120),
    /** The pages' meta description. */
    description: text(300),
    /** How sentences name the documents: "Answers come only from {documents}." */
    documents: text(80),
    /** The composer's placeholder. */
    placeholder: text(80),
    /** The welcome text above the example questions. */
    welcome: text(400),
    /** Questions to start with (none: no examples are offered). */
    examples: z.array(text(200)).max(8),
    /** Said when a question is not covered, after "No passage answers this, so nothing is cited." */
    notCoveredHint: text(200),
  })
  .strict()
  .partial();

export type Collection = Required<z.infer<typeof collectionSchema>>;

/** The wording for a collection without collection.json: nothing about any subject. */
export const NEUTRAL_COLLECTION: Collection = {
  name: "Documents Q&A",
  tagline: "Cited answers from your documents",
  description: "Ask questions and get answers with citations to the exact passages of the source documents.",
  documents: "the documents",
  placeholder: "Ask a question…",
  welcome: "Answers come only from the documents in the library. Every claim links to the exact passage it comes from.",
  examples: [],
  notCoveredHint: "Try asking in other words, or browse the library to see what the documents cover.",
};

/** The collection's wording: collection.json of the corpus folder over the neutral defaults. A bad file is an error naming it. */
export async function readCollection(dir: string): Promise<Collection> {
  const settings = await readCorpusSettings(path.join(dir, COLLECTION_FILE), collectionSchema);
  return { ...NEUTRAL_COLLECTION, ...settings };
}
