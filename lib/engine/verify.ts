import { verifyAnswer, type Verified } from "@/lib/citations/verify";
import { AppError } from "@/lib/errors";
import type { VerifyRequest } from "@/lib/schemas/verify";
import type { IndexView } from "@/lib/index/view";
import { getEngine, type Engine } from "./engine";
import { verifyContext } from "./verify-context";

/** A citation as sent, with the quote verification gives it (any quote sent is recomputed). */
type RequestCitation = VerifyRequest["citations"][number] & { quote?: { start: number; end: number } };

/** POST /api/verify's answer: the renumbered answer and citations, sentence verdicts, removed markers. */
export type VerifyResponse = Verified<RequestCitation>;

const invalid = (field: string, message: string) => new AppError("bad_request", `Invalid "${field}": ${message}`);

/** A citation must be what /api/documents serves: its text the document's slice [start, end). The view has fetched its document whole. */
export function checkCitation(view: IndexView, c: RequestCitation, i: number): void {
  const text = view.documentText(c.docId);
  if (text === undefined) throw invalid(`citations.${i}.docId`, `there is no document "${c.docId}"`);
  if (c.end > text.length) throw invalid(`citations.${i}.end`, `is past the end of the document (${text.length} characters)`);
  if (text.slice(c.start, c.end) !== c.text) throw invalid(`citations.${i}.text`, "is not the document's text from start to end");
}

/** Verifies an answer written elsewhere exactly as answers from /api/ask are verified. */
export async function verify(request: VerifyRequest, engine?: Engine): Promise<VerifyResponse> {
  const e = engine ?? (await getEngine());
  const ctx = verifyContext(e);
  await ctx.view.fetch({ spans: request.citations, documents: request.citations.map((c) => c.docId) });
  request.citations.forEach((c, i) => checkCitation(ctx.view, c, i));
  return verifyAnswer(request.answer, request.citations as RequestCitation[], ctx, "sentences");
}
