import type { SearchRequest } from "@/lib/schemas/search";
import { hybridSearch } from "@/lib/retrieval/search";
import type { Passage } from "@/lib/types";
import { getEngine } from "./engine";

/** GET /api/search: the passages retrieval finds for a query, best first. */
export async function search(request: SearchRequest): Promise<{ query: string; results: Passage[] }> {
  const engine = await getEngine();
  const vector = await engine.queries.embed(request.q);
  return { query: request.q, results: hybridSearch(engine.store, request.q, vector, request.k).passages };
}
