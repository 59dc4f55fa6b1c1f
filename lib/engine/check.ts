import { rerankBySentences } from "@/lib/answer/ranking/rerank";
import { splitClaims, type Claim } from "@/lib/check/claims";
import { judgeClaim, type ClaimEvidence } from "@/lib/check/judge-claim";
import { checkWeights, decide, type CheckWeights } from "@/lib/check/verdict";
import { judgeSentence, type CitedSpan } from "@/lib/citations/judge";
import { hybridSearch } from "@/lib/retrieval/search";
import type { CheckRequest } from "@/lib/schemas/check";
import type { CheckedClaim, CheckResponse, Citation, Passage } from "@/lib/types";
import { getEngine, type Engine } from "./engine";
import { checkCitation } from "./verify";
import { verifyContext, type ViewVerifyContext } from "./verify-context";

/**
 * Passages hybrid retrieval hands the sentence ranker for a claim: fewer than a question's
 * CANDIDATE_PASSAGES (a claim names what it is about, so its passage ranks high), because
 * ranking costs most of a check and a text holds many claims (2,000 characters in under 1 s).
 */
const CHECK_CANDIDATES = 12;
/** Passages (best first after sentence reranking) a claim is judged against. */
const EVIDENCE_PASSAGES = 4;

/** A claim's retrieved passages and its judgement against them. */
export type ExaminedClaim = { passages: Passage[]; judged: ClaimEvidence };

/** The claims' vectors, embedded in one batch (one call of the encoder rather than one per claim). */
export const embedClaims = (engine: Engine, claims: string[]) => (claims.length ? engine.embedder.embed(claims) : Promise.resolve([]));

/** Retrieves for a claim as for a question (hybrid retrieval, sentence ranker) and judges it against the best passages. */
export async function examineClaim(engine: Engine, ctx: ViewVerifyContext, claim: string, vector: Float32Array): Promise<ExaminedClaim> {
  const wide = await hybridSearch(ctx.view, claim, vector, CHECK_CANDIDATES);
  const { retrieval } = await rerankBySentences(ctx.view, wide, claim, EVIDENCE_PASSAGES);
  const spans: CitedSpan[] = retrieval.passages.map((p, i) => ({ n: i + 1, docId: p.docId, start: p.start, end: p.end, text: p.text }));
  return { passages: retrieval.passages, judged: judgeClaim(ctx, claim, vector, spans) };
}

type RequestCitation = NonNullable<CheckRequest["citations"]>[number];

async function checkClaim(engine: Engine, ctx: ViewVerifyContext, claim: Claim, vector: Float32Array, citations: RequestCitation[], weights: CheckWeights): Promise<CheckedClaim> {
  const { passages, judged } = await examineClaim(engine, ctx, claim.judged, vector);
  const { verdict, confidence } = decide(judged.signals, weights);
  const best = judged.best;
  const evidence: Citation[] =
    verdict === "not_found" || !best ? [] : [{ ...passages[best.n - 1], n: 1, quote: { start: best.start, end: best.end } }];
  const out: CheckedClaim = { start: claim.start, end: claim.end, text: claim.text, verdict, confidence, evidence };
  const cited = citations.filter((c) => claim.citations.includes(c.n));
  if (cited.length) out.cited = { supported: judgeSentence(ctx, claim.judged, vector, cited).supported };
  return out;
}

/** Checks each claim of a text written elsewhere against the documents: the code path of /api/check and `npm run check`. */
export async function check(request: CheckRequest, engine?: Engine, weights: CheckWeights = checkWeights()): Promise<CheckResponse> {
  const e = engine ?? (await getEngine());
  const citations = request.citations ?? [];
  const ctx = verifyContext(e);
  await ctx.view.fetch({ spans: citations, documents: citations.map((c) => c.docId) });
  citations.forEach((c, i) => checkCitation(ctx.view, c, i));
  const split = splitClaims(request.text);
  const vectors = await embedClaims(e, split.map((c) => c.judged));
  const claims = await Promise.all(split.map((c, i) => checkClaim(e, ctx, c, vectors[i], citations, weights)));
  const counts = { supported: 0, contradicted: 0, not_found: 0 };
  for (const c of claims) counts[c.verdict]++;
  return { claims, counts };
}
