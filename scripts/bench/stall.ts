import { VERIFY_LIMITS } from "@/lib/schemas/verify";
import { round, summarize, type Summary } from "./stats";

/** How much heavy /api/verify requests slow everyone else down: /api/health alone and under that load. */
export type StallResult = {
  /** The heaviest body the limits allow: every sentence cites every citation. */
  heavyBody: { bytes: number; sentences: number; citations: number; citationChars: number };
  loadClients: number;
  verify: { requests: number; errors: number; ms: Summary; firstError?: string };
  healthIdleMs: Summary;
  healthLoadedMs: Summary;
  /** Health latency under load ÷ idle. */
  ratio: { p50: number; p95: number; max: number };
  /** The body of issue 11 (335 sentences, 12 citations of 19,000 characters): refused, and how fast. */
  oversized: { bytes: number; status: number; ms: number };
};

type Doc = { docId: string; text: string };

const post = (url: string, body: string) => fetch(`${url}/api/verify`, { method: "POST", headers: { "content-type": "application/json" }, body });

/** Sentences of the document reworded a little (so the encoder has to embed them), each citing every citation or one. */
function verifyBody(doc: Doc, citations: number, citationChars: number, sentences: number, citeAll = true): string {
  const step = Math.max(1, Math.floor((doc.text.length - citationChars) / citations));
  const cited = Array.from({ length: citations }, (_, i) => {
    const start = Math.min(i * step, doc.text.length - citationChars);
    return { n: i + 1, docId: doc.docId, start, end: start + citationChars, text: doc.text.slice(start, start + citationChars) };
  });
  const pool = doc.text.split(/(?<=\.)\s+/).filter((s) => s.length > 40 && s.length < 240 && !/[[\]\n]/.test(s));
  const markers = (i: number) => (citeAll ? cited.map((c) => `[${c.n}]`).join("") : `[${(i % citations) + 1}]`);
  const answer = Array.from({ length: sentences }, (_, i) => `${pool[i % pool.length].replace(/\.$/, "")}, it is said ${markers(i)}.`).join(" ");
  return JSON.stringify({ answer, citations: cited });
}

async function healthSamples(url: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await (await fetch(`${url}/api/health`)).arrayBuffer();
    out.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 20));
  }
  return out;
}

export async function benchStall(url: string, docId: string, loadClients: number, samples: number): Promise<StallResult> {
  const doc = (await (await fetch(`${url}/api/documents/${docId}`)).json()) as Doc;
  const heavy = verifyBody(doc, VERIFY_LIMITS.citations, VERIFY_LIMITS.citationChars, VERIFY_LIMITS.sentences);
  const oversizedBody = verifyBody(doc, 12, 19_000, 335, false);
  const started = performance.now();
  const oversized = await post(url, oversizedBody);
  const oversizedMs = performance.now() - started;
  await oversized.arrayBuffer();

  const healthIdle = await healthSamples(url, samples);
  let loading = true;
  const verifyMs: number[] = [];
  const errors: string[] = [];
  const client = async () => {
    while (loading) {
      const t = performance.now();
      const response = await post(url, heavy);
      const text = await response.text();
      if (response.status === 200) verifyMs.push(performance.now() - t);
      else errors.push(`HTTP ${response.status}: ${text.slice(0, 200)}`);
    }
  };
  const clients = Array.from({ length: loadClients }, client);
  await new Promise((r) => setTimeout(r, 500)); // the load is under way
  const healthLoaded = await healthSamples(url, samples);
  loading = false;
  await Promise.all(clients);

  const idle = summarize(healthIdle);
  const loaded = summarize(healthLoaded);
  const answer = (JSON.parse(heavy) as { answer: string }).answer;
  return {
    heavyBody: { bytes: heavy.length, sentences: answer.split("it is said").length - 1, citations: VERIFY_LIMITS.citations, citationChars: VERIFY_LIMITS.citationChars },
    loadClients,
    verify: { requests: verifyMs.length + errors.length, errors: errors.length, ms: summarize(verifyMs), ...(errors.length ? { firstError: errors[0] } : {}) },
    healthIdleMs: idle,
    healthLoadedMs: loaded,
    ratio: { p50: round(loaded.p50 / idle.p50, 1), p95: round(loaded.p95 / idle.p95, 1), max: round(loaded.max / idle.max, 1) },
    oversized: { bytes: oversizedBody.length, status: oversized.status, ms: round(oversizedMs, 1) },
  };
}
