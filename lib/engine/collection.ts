import { cache } from "react";
import { readCollection } from "@/lib/corpus/collection";
import { corpusDir } from "@/lib/env";

/** The collection's wording (collection.json of CORPUS_DIR), read once per page render: a change shows on the next page. */
export const getCollection = cache(() => readCollection(corpusDir()));
