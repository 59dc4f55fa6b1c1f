import { rerankBySentences } from "@/lib/answer/ranking/rerank";
import type { SearchRequest } from "@/lib/schemas/search";
import { CANDIDATE_PASSAGES, hybridSearch } from "@/lib/retrieval/search";
import type { Passage } from "@/lib/types";
import { getEngine } from "./engine";

/** GET /api/search: the passages holding the best sentences for a query, best first (as /api/ask retrieves). */
export async function search(request: SearchRequest): Promise<{ query: string; results: Passage[] }> {
  const engine = await getEngine();
  const vector = await engine.queries.embed(request.q);
  const view = engine.store.view();
  const wide = await hybridSearch(view, request.q, vector, Math.max(request.k, CANDIDATE_PASSAGES));
  return { query: request.q, results: (await rerankBySentences(view, wide, request.q, request.k)).retrieval.passages };
}
