import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { answererName } from "@/lib/engine/health";
import { startServer } from "@/test/server";
import { benchStall, type StallResult } from "./stall";
import { round, summarize, type Summary } from "./stats";

type HttpLevel = {
  endpoint: "/api/ask" | "/api/chat" | "/v1/chat/completions";
  concurrency: number;
  requests: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  /** Time to the first body chunk, and to the end of the body. */
  ttfbMs: Summary;
  ttlbMs: Summary;
  firstError?: string;
};

export type HttpResult = { coldFirstAskMs: number; limits: { requests: number; seconds: number }; levels: HttpLevel[]; stall?: StallResult };

/** The stall measurement: heavy /api/verify clients, /api/health samples alone and under their load. */
export type StallPlan = { docId: string; clients: number; samples: number };

function body(endpoint: HttpLevel["endpoint"], question: string, n: number) {
  if (endpoint === "/api/ask") return { question };
  // The server runs with this process's environment, hence the same answerer.
  if (endpoint === "/v1/chat/completions") return { model: answererName(), stream: true, messages: [{ role: "user", content: question }] };
  return { id: `bench-${n}`, messages: [{ id: `u${n}`, role: "user", parts: [{ type: "text", text: question }] }] };
}

/** A complete, well-formed answer: JSON with an answer, a UI message stream that ended without an error part, or OpenAI chunks up to [DONE]. */
function complete(endpoint: HttpLevel["endpoint"], text: string): boolean {
  if (endpoint === "/v1/chat/completions") return text.includes('"finish_reason":"stop"') && text.trimEnd().endsWith("data: [DONE]") && !text.includes('"error":');
  if (endpoint === "/api/chat") return text.includes('"type":"data-answer"') && text.includes('"type":"text-end"') && text.trimEnd().endsWith("data: [DONE]") && !text.includes('"type":"error"');
  try {
    return typeof (JSON.parse(text) as { answer?: unknown }).answer === "string";
  } catch {
    return false;
  }
}

type Timing = { ttfb: number; ttlb: number; error?: string };

async function timedRequest(url: string, endpoint: HttpLevel["endpoint"], question: string, n: number, timeoutMs: number): Promise<Timing> {
  const started = performance.now();
  try {
    const response = await fetch(url + endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body(endpoint, question, n)),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let ttfb = 0;
    let text = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      ttfb ||= performance.now() - started;
      text += decoder.decode(value, { stream: true });
    }
    const ttlb = performance.now() - started;
    const error = response.status !== 200 ? `HTTP ${response.status}: ${text.slice(0, 200)}` : complete(endpoint, text) ? undefined : `incomplete body, ending: ${text.slice(-200)}`;
    return { ttfb: ttfb || ttlb, ttlb, error };
  } catch (e) {
    const ms = performance.now() - started;
    return { ttfb: ms, ttlb: ms, error: (e as Error).message };
  }
}

/** `concurrency` clients in a loop, until `limits.requests` were sent or `limits.seconds` passed. */
async function level(url: string, endpoint: HttpLevel["endpoint"], concurrency: number, questions: string[], limits: HttpResult["limits"]): Promise<HttpLevel> {
  const timings: Timing[] = [];
  let sent = 0;
  const started = performance.now();
  const deadline = started + limits.seconds * 1000;
  const client = async () => {
    while (sent < limits.requests && performance.now() < deadline) {
      const n = sent++;
      timings.push(await timedRequest(url, endpoint, questions[n % questions.length], n, 60_000));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  const ok = timings.filter((t) => !t.error);
  return {
    endpoint,
    concurrency,
    requests: timings.length,
    errors: timings.length - ok.length,
    seconds: round(seconds, 2),
    requestsPerSecond: round(ok.length / seconds, 2),
    ttfbMs: summarize(ok.map((t) => t.ttfb)),
    ttlbMs: summarize(ok.map((t) => t.ttlb)),
    ...(ok.length < timings.length ? { firstError: timings.find((t) => t.error)!.error } : {}),
  };
}

/** `next build` when there is no production build yet (as `npm start` does). */
export function ensureBuild(log: (s: string) => void): void {
  if (existsSync(path.join(".next", "BUILD_ID"))) return;
  log("No production build yet: running next build first.");
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
}

/** The production server on loopback: /api/ask, /api/chat and /v1/chat/completions (streaming) at each concurrency, then the stall under heavy /api/verify. */
export async function benchHttp(questions: string[], concurrencies: number[], limits: HttpResult["limits"], stallPlan: StallPlan, log: (s: string) => void): Promise<HttpResult> {
  const server = await startServer();
  try {
    const cold = await timedRequest(server.url, "/api/ask", questions[0], 0, 120_000);
    if (cold.error) throw new Error(`the server does not answer: ${cold.error}\n${server.stderr()}`);
    // One pass over the questions first, so that every level finds their embeddings in the
    // server's query cache alike (the model still embeds each answer's sentences to verify them).
    for (const q of questions) await timedRequest(server.url, "/api/ask", q, 0, 60_000);
    const levels: HttpLevel[] = [];
    for (const endpoint of ["/api/ask", "/api/chat", "/v1/chat/completions"] as const) {
      for (const c of concurrencies) {
        const result = await level(server.url, endpoint, c, questions, limits);
        log(`  ${endpoint} ×${c}: ${result.requests} requests, ${result.errors} errors, ${result.requestsPerSecond}/s, TTFB p50 ${result.ttfbMs.p50} ms, TTLB p50 ${result.ttlbMs.p50} ms`);
        levels.push(result);
      }
    }
    const stall = await benchStall(server.url, stallPlan.docId, stallPlan.clients, stallPlan.samples);
    log(`  /api/health p50 ${stall.healthIdleMs.p50} ms alone, ${stall.healthLoadedMs.p50} ms under ${stall.loadClients} heavy /api/verify clients (×${stall.ratio.p50}; p95 ×${stall.ratio.p95})`);
    return { coldFirstAskMs: round(cold.ttlb, 1), limits, levels, stall };
  } finally {
    await server.stop();
  }
}
