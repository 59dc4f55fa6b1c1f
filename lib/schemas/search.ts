import { z } from "zod";

/** GET /api/search?q=...&k=... */
export const searchRequestSchema = z.object({
  q: z.string().trim().min(1, "must not be empty").max(2000, "must be at most 2000 characters"),
  k: z.coerce.number().int().min(1).max(50).default(6),
});

export type SearchRequest = z.infer<typeof searchRequestSchema>;
