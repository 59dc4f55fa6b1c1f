import { z } from "zod";
import { DOCUMENT_FORMATS } from "@/lib/types";

/**
 * The response types of API.md as zod schemas: the MCP tools' output schemas and the OpenAPI
 * description's responses. lib/types.ts stays the source the code is typed by; the test of the
 * OpenAPI description checks real responses against these.
 */
const span = z.object({ start: z.number().int(), end: z.number().int() });

export const passageSchema = z.object({
  chunkId: z.string(),
  docId: z.string(),
  title: z.string(),
  source: z.string().nullable(),
  publishedAt: z.string().nullable(),
  text: z.string().describe("exactly the document's text from start to end"),
  start: z.number().int(),
  end: z.number().int(),
  score: z.number(),
  section: z.array(z.string()).optional(),
  page: z.number().int().positive().optional().describe("the PDF page the passage starts on"),
});

export const citationOutputSchema = passageSchema.extend({
  n: z.number().int().describe("the marker number used in the text as [n]"),
  quote: span.optional().describe("offsets (in the document) of the sentence(s) that support the claim"),
});

export const answerSentenceSchema = z.object({
  text: z.string(),
  citations: z.array(z.number().int()),
  supported: z.boolean(),
  start: z.number().int().optional(),
  end: z.number().int().optional(),
  score: z.number().optional(),
});

export const askResponseSchema = z.object({
  question: z.string(),
  answer: z.string().describe("plain text with [n] markers; every [n] has a citation"),
  answered: z.boolean(),
  citations: z.array(citationOutputSchema),
  retrieved: z.array(passageSchema),
  model: z.string(),
  timings: z.object({ retrieveMs: z.number(), answerMs: z.number(), totalMs: z.number() }),
  sentences: z.array(answerSentenceSchema).optional(),
  note: z.string().optional(),
});

export const searchResponseSchema = z.object({ query: z.string(), results: z.array(passageSchema) });

export const documentResponseSchema = z.object({
  docId: z.string(),
  title: z.string(),
  source: z.string().nullable(),
  publishedAt: z.string().nullable(),
  text: z.string(),
  format: z.enum(DOCUMENT_FORMATS).describe("the format of the file the text was read from"),
  bytes: z.number().int().describe("the size of that file"),
  pages: z.array(z.number().int()).optional().describe("PDF only: the offset in text where each page starts (the first is page 1)"),
});

export const documentListResponseSchema = z.object({
  builtAt: z.string().describe("when the index was built (ISO date and time)"),
  documents: z.array(
    documentResponseSchema.omit({ text: true, pages: true }).extend({ chunks: z.number().int().describe("how many chunks of it the index holds") }),
  ),
});

/** Citations come back as they were sent (other fields kept), renumbered and with their quotes. */
export const verifyResponseSchema = z.object({
  answer: z.string(),
  citations: z.array(z.looseObject({ n: z.number().int(), docId: z.string(), start: z.number().int(), end: z.number().int(), text: z.string(), quote: span.optional() })),
  sentences: z.array(answerSentenceSchema),
  dropped: z.array(z.number().int()),
});

export const checkResponseSchema = z.object({
  claims: z.array(
    z.object({
      start: z.number().int(),
      end: z.number().int(),
      text: z.string(),
      verdict: z.enum(["supported", "contradicted", "not_found"]),
      confidence: z.number().min(0).max(1),
      evidence: z.array(citationOutputSchema),
      cited: z.object({ supported: z.boolean() }).optional(),
    }),
  ),
  counts: z.object({ supported: z.number().int(), contradicted: z.number().int(), not_found: z.number().int() }),
});

export const healthResponseSchema = z.object({
  status: z.literal("ok"),
  documents: z.number().int(),
  chunks: z.number().int(),
  embedder: z.string(),
  answerer: z.string(),
});

export const errorResponseSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
