import { z } from "zod";
import { docIdSchema } from "./document";

/** A citation as /api/ask returns it; other fields (title, score, quote…) may come along and are kept. */
const citationSchema = z
  .looseObject({
    n: z.number().int().min(1).max(1000),
    docId: docIdSchema,
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    text: z.string().max(20_000),
  })
  .refine((c) => c.end > c.start, { message: "must be greater than start", path: ["end"] });

/** POST /api/verify: an answer with [n] markers written elsewhere, and the citations its markers point at. */
export const verifyRequestSchema = z
  .object({
    answer: z.string().trim().min(1, "must not be empty").max(20_000, "must be at most 20000 characters"),
    citations: z.array(citationSchema).max(50, "must hold at most 50 citations"),
  })
  .refine((body) => new Set(body.citations.map((c) => c.n)).size === body.citations.length, {
    message: "each citation needs its own number n",
    path: ["citations"],
  });

export type VerifyRequest = z.infer<typeof verifyRequestSchema>;
