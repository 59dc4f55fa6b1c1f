import { z } from "zod";
import { DEFAULT_K } from "@/lib/retrieval/search";

/** Most passages one search may return (API.md). */
export const MAX_SEARCH_K = 50;

/** GET /api/search?q=...&k=... */
export const searchRequestSchema = z.object({
  q: z.string().trim().min(1, "must not be empty").max(2000, "must be at most 2000 characters"),
  k: z.coerce.number().int().min(1).max(MAX_SEARCH_K).default(DEFAULT_K),
});

export type SearchRequest = z.infer<typeof searchRequestSchema>;
