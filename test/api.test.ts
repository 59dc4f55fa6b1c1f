import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { readUIMessageStream, type UIMessageChunk } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessage } from "@/lib/engine/chat-message";
import type { AskResponse, Citation } from "@/lib/types";
import { startServer, type TestServer } from "./server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const post = (route: string, body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
  fetch(`${server.url}${route}`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });

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

  it("404s an unknown document", async () => {
    await expectError(await fetch(`${server.url}/api/documents/no-such-doc`), 404, /no-such-doc/);
  });

  it.each(["..%2F..%2Fetc%2Fpasswd", "..%2Fpackage.json", "Wikipedia.txt"])("refuses the path-like id %s", async (id) => {
    const response = await fetch(`${server.url}/api/documents/${id}`);
    expect([400, 404]).toContain(response.status);
    expect((await response.json()).error.code).toBeTruthy();
  });
});

describe("GET /api/health", () => {
  it("reports the index and the models", async () => {
    const body = await (await fetch(`${server.url}/api/health`)).json();
    expect(body).toMatchObject({ status: "ok", documents: 5, answerer: "extractive" });
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
    const response = await fetch(`${empty.url}/api/ask`, { method: "POST", body: JSON.stringify({ question: "Hi" }) });
    await expectError(response, 503, /npm run ingest/);
    await expectError(await fetch(`${empty.url}/api/health`), 503, /npm run ingest/);
  });
});
