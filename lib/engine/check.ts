import { rerankBySentences } from "@/lib/answer/ranking/rerank";
import { splitClaims, type Claim } from "@/lib/check/claims";
import { judgeClaim, type ClaimEvidence } from "@/lib/check/judge-claim";
import { checkWeights, decide, type CheckWeights } from "@/lib/check/verdict";
import { judgeSentence, type CitedSpan, type VerifyContext } from "@/lib/citations/judge";
import { CANDIDATE_PASSAGES } from "@/lib/retrieval/search";
import type { CheckRequest } from "@/lib/schemas/check";
import type { CheckedClaim, CheckResponse, Citation, Passage } from "@/lib/types";
import { retrieveFor } from "./ask";
import { getEngine, type Engine } from "./engine";
import { checkCitation } from "./verify";
import { verifyContext } from "./verify-context";

/** Passages (best first after sentence reranking) a claim is judged against. */
const EVIDENCE_PASSAGES = 4;

/** A claim's retrieved passages and its judgement against them. */
export type ExaminedClaim = { passages: Passage[]; vector: Float32Array; judged: ClaimEvidence };

/** Retrieves for a claim as for a question (hybrid retrieval, sentence ranker) and judges it against the best passages. */
export async function examineClaim(engine: Engine, ctx: VerifyContext, claim: string): Promise<ExaminedClaim> {
  const wide = await retrieveFor(engine, claim, [], CANDIDATE_PASSAGES);
  const { retrieval } = rerankBySentences(engine.store, wide.retrieval, wide.query, EVIDENCE_PASSAGES);
  const vector = await engine.queries.embed(claim);
  const spans: CitedSpan[] = retrieval.passages.map((p, i) => ({ n: i + 1, docId: p.docId, start: p.start, end: p.end, text: p.text }));
  return { passages: retrieval.passages, vector, judged: judgeClaim(ctx, claim, vector, spans) };
}

type RequestCitation = NonNullable<CheckRequest["citations"]>[number];

async function checkClaim(engine: Engine, ctx: VerifyContext, claim: Claim, citations: RequestCitation[], weights: CheckWeights): Promise<CheckedClaim> {
  const { passages, vector, judged } = await examineClaim(engine, ctx, claim.judged);
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
  citations.forEach((c, i) => checkCitation(e, c, i));
  const ctx = verifyContext(e);
  const claims = await Promise.all(splitClaims(request.text).map((c) => checkClaim(e, ctx, c, citations, weights)));
  const counts = { supported: 0, contradicted: 0, not_found: 0 };
  for (const c of claims) counts[c.verdict]++;
  return { claims, counts };
}
