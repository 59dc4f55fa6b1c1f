import fs from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { readUIMessageStream, type UIMessageChunk } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCorpus } from "@/lib/corpus/read";
import type { ChatMessage } from "@/lib/engine/chat-message";
import { corpusDir } from "@/lib/env";
import type { AskResponse, Citation } from "@/lib/types";
import { startServer, type TestServer } from "./server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const post = (route: string, body: unknown, headers: Record<string, string> = { "content-type": "application/json" }, to = server) =>
  fetch(`${to.url}${route}`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });

function rawRequest(url: string, method: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (d) => (body += d));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

async function expectError(response: Response, status: number, message: RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  const body = await response.json();
  expect(body.error.message).toMatch(message);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+/); // no stack trace
  return body;
}

describe("POST /api/ask", () => {
  it("answers with citations whose text is the document's", async () => {
    const response = await post("/api/ask", { question: "Where is NATO's main headquarters?" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as AskResponse;
    expect(body).toMatchObject({ question: "Where is NATO's main headquarters?", answered: true, model: "extractive" });
    expect(body.answer).toMatch(/Brussels/);
    expect(body.answer).toMatch(/\[1\]/);
    for (const c of body.citations) {
      const doc = await (await fetch(`${server.url}/api/documents/${c.docId}`)).json();
      expect(doc.text.slice(c.start, c.end)).toBe(c.text);
    }
    expect(body.retrieved.length).toBeGreaterThan(0);
    expect(body.timings.totalMs).toBeGreaterThan(0);
  });

  it("refuses an out-of-scope question", async () => {
    const body = (await (await post("/api/ask", { question: "Write a poem about cats." })).json()) as AskResponse;
    expect(body).toMatchObject({ answered: false, citations: [] });
  });

  it("uses the history for a follow-up", async () => {
    const body = (await (
      await post("/api/ask", { question: "and Sweden?", history: [{ role: "user", content: "When did Finland join NATO?" }] })
    ).json()) as AskResponse;
    expect(body.answered).toBe(true);
    expect(body.answer).toMatch(/Sweden/);
    expect(body.answer).toMatch(/2024/);
  });

  it.each([
    [{}, /"question"/],
    [{ question: "" }, /"question"/],
    [{ question: 42 }, /"question"/],
    [{ question: "Hi", k: 0 }, /"k"/],
    [{ question: "Hi", k: "three" }, /"k"/],
    [{ question: "Hi", history: "none" }, /"history"/],
  ])("rejects %j with a 400 naming the field", async (body, field) => {
    await expectError(await post("/api/ask", body), 400, field);
  });

  it("rejects a body that is not JSON", async () => {
    await expectError(await post("/api/ask", "{not json"), 400, /not valid JSON/);
  });

  it("rejects a 5 MB body with 413", async () => {
    await expectError(await post("/api/ask", { question: "x".repeat(5 * 1024 * 1024) }), 413, /larger than/);
  });
});

describe("GET /api/search", () => {
  it("returns passages best first", async () => {
    const body = await (await fetch(`${server.url}/api/search?q=${encodeURIComponent("Spain joined the alliance")}&k=3`)).json();
    expect(body.query).toBe("Spain joined the alliance");
    expect(body.results).toHaveLength(3);
    expect(body.results[0].text).toMatch(/Spain/);
    expect(body.results[0].score).toBeGreaterThanOrEqual(body.results[1].score);
  });

  it.each([["", /"q"/], ["q=hello&k=0", /"k"/], ["q=hello&k=51", /"k"/], ["q=hello&k=abc", /"k"/]])("rejects ?%s", async (query, field) => {
    await expectError(await fetch(`${server.url}/api/search?${query}`), 400, field);
  });
});

describe("GET /api/documents/:docId", () => {
  it("serves a document with its metadata", async () => {
    const body = await (await fetch(`${server.url}/api/documents/bbc-what-is-nato-2024`)).json();
    expect(body).toMatchObject({ docId: "bbc-what-is-nato-2024", source: "BBC News", publishedAt: "2024-10" });
    expect(body.text).toBe(await fs.readFile("corpus/bbc-what-is-nato-2024.txt", "utf8"));
  });

  it("names the path parameter when the id is malformed", async () => {
    await expectError(await fetch(`${server.url}/api/documents/Not%20An%20Id`), 400, /"docId"/);
  });

  it.each(["%", "%ED%A0%80", "%E0%A4%A"])("answers /api/documents/%s, whose escapes are not UTF-8, with a 400 in JSON", async (id) => {
    await expectError(await fetch(`${server.url}/api/documents/${id}`), 400, /not valid/);
  });

  it("404s an unknown document", async () => {
    await expectError(await fetch(`${server.url}/api/documents/no-such-doc`), 404, /no-such-doc/);
  });

  it.each(["..%2F..%2Fetc%2Fpasswd", "..%2Fpackage.json", "Wikipedia.txt"])("refuses the path-like id %s", async (id) => {
    const response = await fetch(`${server.url}/api/documents/${id}`);
    expect([400, 404]).toContain(response.status);
    expect((await response.json()).error.code).toBeTruthy();
  });
});

describe("GET /api/documents", () => {
  it("lists every document of the corpus with its format, size and chunks, and when the index was built", async () => {
    const { documents } = await readCorpus(corpusDir());
    const response = await fetch(`${server.url}/api/documents`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Date.parse(body.builtAt)).not.toBeNaN();
    expect(body.documents).toHaveLength(documents.length);
    for (const doc of documents) {
      const listed = body.documents.find((d: { docId: string }) => d.docId === doc.docId);
      expect(listed).toEqual({ docId: doc.docId, title: doc.title, source: doc.source, publishedAt: doc.publishedAt, format: doc.format, bytes: doc.bytes, chunks: expect.any(Number) });
      expect(listed.chunks).toBeGreaterThan(0);
    }
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(body.documents.reduce((sum: number, d: { chunks: number }) => sum + d.chunks, 0)).toBe(health.chunks);
  });
});

describe("GET /api/health", () => {
  it("reports the index and the models", async () => {
    const body = await (await fetch(`${server.url}/api/health`)).json();
    const { documents } = await readCorpus(corpusDir());
    expect(body).toMatchObject({ status: "ok", documents: documents.length, answerer: "extractive" });
    expect(body.chunks).toBeGreaterThan(50);
    expect(body.embedder).toMatch(/use-lite/);
  });
});

async function chatMessage(response: Response): Promise<ChatMessage> {
  const chunks = response.body!.pipeThrough(new TextDecoderStream()).pipeThrough(
    new TransformStream<string, UIMessageChunk>({
      transform(text, controller) {
        for (const line of text.split("\n")) {
          if (line.startsWith("data: ") && line !== "data: [DONE]") controller.enqueue(JSON.parse(line.slice(6)));
        }
      },
    }),
  );
  let last: ChatMessage | undefined;
  for await (const message of readUIMessageStream<ChatMessage>({ stream: chunks })) last = message;
  return last!;
}

describe("POST /api/chat", () => {
  const userMessage = (text: string, id = "u1") => ({ id, role: "user", parts: [{ type: "text", text }] });

  it("streams the answer with source-document and data-citations parts", async () => {
    const response = await post("/api/chat", { id: "c1", messages: [userMessage("When did Spain join the alliance?")] });
    expect(response.status).toBe(200);
    const message = await chatMessage(response);
    const text = message.parts.filter((p) => p.type === "text").map((p) => p.text).join("");
    expect(text).toMatch(/1982/);
    const citations = message.parts.find((p) => p.type === "data-citations")!.data as Citation[];
    const sources = message.parts.filter((p) => p.type === "source-document");
    expect(sources.map((s) => s.sourceId)).toEqual(citations.map((c) => c.chunkId));
    expect([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]))).toContain(1);
    expect(message.parts.find((p) => p.type === "data-answer")!.data).toMatchObject({ answered: true, model: "extractive" });
  });

  it("rejects a conversation that does not end with the user's message", async () => {
    await expectError(await post("/api/chat", { messages: [{ role: "assistant", parts: [] }] }), 400, /"messages"/);
  });

  it("names messages when the last message has no text part", async () => {
    const body = await expectError(await post("/api/chat", { messages: [{ role: "user", parts: [{ type: "file" }] }] }), 400, /"messages"/);
    expect(body.error.message).toMatch(/no text/);
  });

  it("rejects a missing messages list", async () => {
    await expectError(await post("/api/chat", { id: "x" }), 400, /"messages"/);
  });
});

describe("without an index", () => {
  let empty: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "no-index-"));
    empty = await startServer({ DATA_DIR: dir });
  });
  afterAll(async () => {
    await empty?.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("answers 503 saying to run npm run ingest", async () => {
    await expectError(await post("/api/ask", { question: "Hi" }, undefined, empty), 503, /npm run ingest/);
    await expectError(await fetch(`${empty.url}/api/health`), 503, /npm run ingest/);
    await expectError(await fetch(`${empty.url}/api/documents`), 503, /npm run ingest/);
  });

  it("says so on the documents page", async () => {
    const page = await fetch(`${empty.url}/documents`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/npm run ingest/);
  });
});

describe("HTTP errors are JSON and say what to do", () => {
  it.each([
    ["GET", "/api/ask", "POST"],
    ["PUT", "/api/verify", "POST"],
    ["DELETE", "/api/health", "GET"],
    ["POST", "/api/search", "GET"],
    ["PATCH", "/api/documents/wikipedia-nato", "GET"],
    ["POST", "/api/documents", "GET"],
  ])("%s %s is a 405 naming the allowed methods", async (method, route, allowed) => {
    const response = await fetch(`${server.url}${route}`, { method });
    await expectError(response, 405, new RegExp(`use ${allowed}`));
    expect(response.headers.get("allow")).toContain(allowed);
  });

  it.each(["TRACE", "PROPFIND"])("%s is a 400 in JSON, not a 500", async (method) => {
    const response = await rawRequest(`${server.url}/api/health`, method); // fetch refuses to send TRACE
    expect(response.status).toBe(400);
    expect(response.headers["content-type"]).toMatch(/application\/json/);
    expect(JSON.parse(response.body).error.message).toMatch(new RegExp(`${method} is not supported`));
    expect(server.stderr()).not.toMatch(/HTTP method is unsupported/);
  });

  it.each(["/api/nope", "/api/documents/wikipedia-nato/text", "/api/ask/extra"])("GET %s is a JSON 404", async (route) => {
    await expectError(await fetch(`${server.url}${route}`), 404, /no API route/);
  });

  it.each(["/api/ask", "/api/chat", "/api/verify"])("POST %s without application/json is a 415", async (route) => {
    await expectError(await post(route, JSON.stringify({ question: "Hi" }), { "content-type": "text/plain" }), 415, /application\/json/);
    await expectError(await post(route, "question=Hi", { "content-type": "application/x-www-form-urlencoded" }), 415, /application\/json/);
  });
});

describe("POST /api/verify bounds its work", () => {
  const cite = async (n: number, start: number, length: number) => {
    const doc = await (await fetch(`${server.url}/api/documents/wikipedia-nato`)).json();
    return { n, docId: "wikipedia-nato", start, end: start + length, text: doc.text.slice(start, start + length) };
  };

  it("answers a marker of five digits with a 400 naming it", async () => {
    const body = await expectError(await post("/api/verify", { answer: "NATO [99999]", citations: [] }), 400, /"answer"/);
    expect(body.error.message).toMatch(/\[99999\]/);
  });

  it("names the limit on sentences", async () => {
    const answer = Array.from({ length: 60 }, (_, i) => `Sentence number ${i} is here [1].`).join(" ");
    await expectError(await post("/api/verify", { answer, citations: [await cite(1, 0, 500)] }), 400, /"answer": must have at most 50 sentences/);
  });

  it("names the limit on the length of a citation", async () => {
    await expectError(await post("/api/verify", { answer: "NATO [1].", citations: [await cite(1, 0, 6000)] }), 400, /"citations.0.text": must be at most 5000/);
  });

  it("names the limit on the number of citations", async () => {
    const citations = await Promise.all(Array.from({ length: 21 }, (_, i) => cite(i + 1, i * 100, 100)));
    await expectError(await post("/api/verify", { answer: "NATO [1].", citations }), 400, /"citations": must hold at most 20/);
  });
});

describe("security headers", () => {
  it("sends a nonce-based Content-Security-Policy with the page, and its scripts carry the nonce", async () => {
    const response = await fetch(`${server.url}/`);
    const policy = response.headers.get("content-security-policy")!;
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const nonce = /'nonce-([^']+)'/.exec(policy)![1];
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = (await fetch(`${server.url}/`)).headers.get("content-security-policy");
    expect(again).not.toBe(policy); // a new nonce per response
  });

  it.each(["/", "/api/health", "/api/nope"])("%s is not sniffed, framed or referred", async (route) => {
    const response = await fetch(`${server.url}${route}`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
  });
});

describe("limits on heavy requests", () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startServer({ RATE_LIMIT_PER_MINUTE: "2", MAX_CONCURRENT_REQUESTS: "1", MAX_QUEUED_REQUESTS: "0" });
  });
  afterAll(async () => {
    await limited?.stop();
  });

  // A client behind a reverse proxy, as the proxy reports it; loopback clients are not limited.
  const search = (client: string) => fetch(`${limited.url}/api/search?q=Spain`, { headers: { "x-forwarded-for": client } });

  it("answers 429 with Retry-After past RATE_LIMIT_PER_MINUTE, per client", async () => {
    expect((await search("203.0.113.7")).status).toBe(200);
    expect((await search("203.0.113.7")).status).toBe(200);
    const response = await search("203.0.113.7");
    await expectError(response, 429, /Too many requests/);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await search("203.0.113.8")).status).toBe(200);
    expect((await fetch(`${limited.url}/api/search?q=Spain`)).status).toBe(200); // loopback
    expect((await fetch(`${limited.url}/api/health`, { headers: { "x-forwarded-for": "203.0.113.7" } })).status).toBe(200);
  });

  it("answers 503 with Retry-After when every turn is taken and the queue is full", async () => {
    const doc = await (await fetch(`${limited.url}/api/documents/wikipedia-nato`)).json();
    const citations = Array.from({ length: 20 }, (_, i) => ({ n: i + 1, docId: "wikipedia-nato", start: i * 2000, end: i * 2000 + 5000, text: doc.text.slice(i * 2000, i * 2000 + 5000) }));
    const answer = Array.from({ length: 50 }, (_, i) => `NATO member number ${i} agreed on defence spending ${citations.map((c) => `[${c.n}]`).join("")}.`).join(" ");
    const heavy = post("/api/verify", { answer, citations }, undefined, limited);
    await new Promise((r) => setTimeout(r, 300));
    const refused = await fetch(`${limited.url}/api/search?q=Spain`);
    await expectError(refused, 503, /busy/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await heavy).status).toBe(200);
    expect((await fetch(`${limited.url}/api/health`)).status).toBe(200);
  });
});
