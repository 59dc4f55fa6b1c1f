import { z } from "zod";
import { splitClaims } from "@/lib/check/claims";
import { citationSchema, markedTextChecks, VERIFY_LIMITS } from "./verify";

/**
 * Bounds on one check, whose work grows with the claims (one retrieval and judgement each, about
 * 50 ms): a page of text, so that one request stays within a few seconds of the server.
 */
export const CHECK_LIMITS = { textChars: 10_000, claims: 60, citations: VERIFY_LIMITS.citations } as const;

const textSchema = z
  .string()
  // Not trimmed: claim offsets are offsets in the text as submitted.
  .refine((text) => text.trim().length > 0, "must not be empty")
  .max(CHECK_LIMITS.textChars, `must be at most ${CHECK_LIMITS.textChars} characters`)
  .superRefine(markedTextChecks(CHECK_LIMITS.claims, (text) => splitClaims(text).length));

/** POST /api/check and `npm run check`: a text written elsewhere, and the citations its [n] markers point at, if any. */
export const checkRequestSchema = z
  .object({
    text: textSchema,
    citations: z.array(citationSchema).max(CHECK_LIMITS.citations, `must hold at most ${CHECK_LIMITS.citations} citations`).optional(),
  })
  .refine((body) => new Set(body.citations?.map((c) => c.n)).size === (body.citations?.length ?? 0), {
    message: "each citation needs its own number n",
    path: ["citations"],
  });

export type CheckRequest = z.infer<typeof checkRequestSchema>;
