import { z } from "zod";
import { splitAnswer } from "@/lib/citations/segment";
import { MAX_ASK_K } from "./ask";
import { docIdSchema } from "./document";

/**
 * Bounds on one verification, whose work grows with sentences × cited characters: well above
 * any answer /api/ask gives (a few sentences, at most MAX_ASK_K passages of under 1,000
 * characters), and small enough that one request takes well under a second of the server.
 */
export const VERIFY_LIMITS = { answerChars: 20_000, sentences: 50, citations: MAX_ASK_K, citationChars: 5_000 } as const;

/** A citation as /api/ask returns it; other fields (title, score, quote…) may come along and are kept. */
export const citationSchema = z
  .looseObject({
    n: z.number().int().min(1).max(1000),
    docId: docIdSchema,
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    text: z.string().max(VERIFY_LIMITS.citationChars, `must be at most ${VERIFY_LIMITS.citationChars} characters`),
  })
  .refine((c) => c.end > c.start, { message: "must be greater than start", path: ["end"] });

/** "[12345]" reads as a marker but no citation can have its number (markers hold 1 to 4 digits). */
const OVERLONG_MARKER = /\[\d{5,}\]/;

/** What a text with [n] markers must pass (an answer to verify, a text to check): no overlong marker, not too many sentences. */
export function markedTextChecks(maxSentences: number, countSentences: (text: string) => number) {
  return (text: string, ctx: z.RefinementCtx) => {
    const marker = OVERLONG_MARKER.exec(text)?.[0];
    if (marker) ctx.addIssue({ code: "custom", message: `${marker.slice(0, 20)} cannot point at a citation: citation numbers n run from 1 to 1000` });
    const sentences = countSentences(text);
    if (sentences > maxSentences) ctx.addIssue({ code: "custom", message: `must have at most ${maxSentences} sentences (it has ${sentences})` });
  };
}

const answerSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(VERIFY_LIMITS.answerChars, `must be at most ${VERIFY_LIMITS.answerChars} characters`)
  .superRefine(markedTextChecks(VERIFY_LIMITS.sentences, (answer) => splitAnswer(answer).length));

/** POST /api/verify: an answer with [n] markers written elsewhere, and the citations its markers point at. */
export const verifyRequestSchema = z
  .object({
    answer: answerSchema,
    citations: z.array(citationSchema).max(VERIFY_LIMITS.citations, `must hold at most ${VERIFY_LIMITS.citations} citations`),
  })
  .refine((body) => new Set(body.citations.map((c) => c.n)).size === body.citations.length, {
    message: "each citation needs its own number n",
    path: ["citations"],
  });

export type VerifyRequest = z.infer<typeof verifyRequestSchema>;
