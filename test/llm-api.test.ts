import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_PROMPT } from "@/lib/answer/llm/prompt";
import { markersIn } from "@/lib/citations/markers";
import type { AskResponse } from "@/lib/types";
import { passagesOf, startFakeOpenAI, type FakeMode, type FakeOpenAI } from "./fake-openai";
import { startServer, type TestServer } from "./server";
import { readChat, viewOfMessage } from "./ui-stream";

/**
 * The production server configured with LLM_PROVIDER=openai-compatible against a fake
 * OpenAI-compatible server: the real @ai-sdk/openai-compatible provider, end to end.
 */
const SECRET = "sk-test-secret-4f9a";
const QUESTION = "When did Spain join the alliance?";

let fake: FakeOpenAI;
let server: TestServer;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  server = await startServer({
    LLM_PROVIDER: "openai-compatible",
    LLM_BASE_URL: fake.baseURL,
    LLM_MODEL: "fake",
    LLM_API_KEY: SECRET,
    LLM_TIMEOUT_MS: "3000",
  });
});
afterAll(async () => {
  await server?.stop();
  await fake?.close();
});

/** Cites the passage about Spain first (as passage n), then a made-up claim, then a passage that does not exist. */
function reply(body: Parameters<FakeOpenAI["reply"]>[0]): string {
  const passages = passagesOf(body);
  const spain = [...passages].find(([, t]) => /Spain/.test(t) && /1982/.test(t))?.[0];
  if (!spain) return "Spain joined in 1982 [1].";
  const other = spain === 1 ? 2 : 1;
  return `In 1982, the newly democratic Spain joined the alliance [${spain}]. It also hosts the alliance's moon base [${other}][${passages.size + 2}].`;
}

beforeEach(() => {
  fake.mode = "ok";
  fake.reply = reply;
  fake.requests.length = 0;
});

const post = (route: string, body: unknown) =>
  fetch(`${server.url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const chat = (question: string) => post("/api/chat", { id: "c1", messages: [{ id: "u1", role: "user", parts: [{ type: "text", text: question }] }] });
const askModel = async (question = QUESTION) => {
  const response = await post("/api/ask", { question });
  expect(response.status).toBe(200);
  const raw = await response.text();
  expect(raw).not.toContain(SECRET);
  return JSON.parse(raw) as AskResponse;
};

async function documentText(docId: string): Promise<string> {
  return (await (await fetch(`${server.url}/api/documents/${docId}`)).json()).text;
}

describe("with LLM_PROVIDER=openai-compatible", () => {
  it("reports the answerer in /api/health", async () => {
    expect((await (await fetch(`${server.url}/api/health`)).json()).answerer).toBe("openai-compatible:fake");
  });

  it("/api/ask answers through the model, with renumbered, verified citations", async () => {
    const body = await askModel();
    expect(body).toMatchObject({ model: "openai-compatible:fake", answered: true });
    expect(body.answer).toBe("In 1982, the newly democratic Spain joined the alliance [1]. It also hosts the alliance's moon base [2].");
    expect(body.citations.map((c) => c.n)).toEqual([1, 2]);
    for (const c of body.citations) expect((await documentText(c.docId)).slice(c.start, c.end)).toBe(c.text);
    expect(body.sentences!.map((s) => [s.citations, s.supported])).toEqual([
      [[1], true],
      [[2], false],
    ]);
    const quote = body.citations[0].quote!;
    expect((await documentText(body.citations[0].docId)).slice(quote.start, quote.end)).toMatch(/Spain joined the alliance/);

    const { body: request, authorization } = fake.requests[0];
    expect(authorization).toBe(`Bearer ${SECRET}`);
    expect(request).toMatchObject({ model: "fake", stream: true });
    expect(request.messages[0]).toEqual({ role: "system", content: SYSTEM_PROMPT });
    expect(passagesOf(request).size).toBe(body.retrieved.length);
    expect(request.messages.at(-1)!.content).toContain(`<question>\n${QUESTION}\n</question>`);
  });

  it("/api/chat streams the model's text, then the verified citations and the verdicts", async () => {
    const response = await chat(QUESTION);
    expect(response.status).toBe(200);
    const { raw, chunks, message } = await readChat(response);
    expect(raw).not.toContain(SECRET);
    const { text, citations, answer, sources } = viewOfMessage(message);
    expect(chunks.filter((c) => c.type === "text-delta").length).toBeGreaterThan(5);
    expect(text).toBe("In 1982, the newly democratic Spain joined the alliance [1]. It also hosts the alliance's moon base [2].");
    expect([...new Set(markersIn(text))]).toEqual(citations.map((c) => c.n));
    expect(sources).toEqual(citations.map((c) => c.chunkId));
    expect(citations[0].quote).toBeDefined();
    expect(answer).toMatchObject({ answered: true, model: "openai-compatible:fake" });
    expect(answer.sentences!.map((s) => s.supported)).toEqual([true, false]);
    const types = chunks.map((c) => c.type);
    expect(types.indexOf("text-end")).toBeLessThan(types.lastIndexOf("data-citations"));
    expect(types.indexOf("text-end")).toBeLessThan(types.indexOf("data-answer"));
  });

  it("/v1/chat/completions streams the model's text, then annotations on its markers and the verified citations", async () => {
    const model = "openai-compatible:fake";
    expect((await (await fetch(`${server.url}/v1/models`)).json()).data.map((m: { id: string }) => m.id)).toEqual([model]);
    const response = await post("/v1/chat/completions", { model, stream: true, messages: [{ role: "user", content: QUESTION }] });
    const raw = await response.text();
    expect(raw).not.toContain(SECRET);
    expect(raw.trimEnd().endsWith("data: [DONE]")).toBe(true);
    const chunks = raw.split("\n\n").filter((e) => e.startsWith("data: {")).map((e) => JSON.parse(e.slice(6)));
    const text = chunks.map((c) => c.choices[0].delta.content ?? "").join("");
    expect(chunks.length).toBeGreaterThan(5);
    expect(text).toBe("In 1982, the newly democratic Spain joined the alliance [1]. It also hosts the alliance's moon base [2].");
    const last = chunks.at(-1);
    expect(last.choices[0].finish_reason).toBe("stop");
    const citations = last.citations as AskResponse["citations"];
    expect(citations[0].quote).toBeDefined();
    const marked = last.choices[0].delta.annotations.map((a: { url_citation: { start_index: number; end_index: number } }) => text.slice(a.url_citation.start_index, a.url_citation.end_index));
    expect(marked).toEqual(["[1]", "[2]"]);
  });

  it("refuses an out-of-scope question without calling the model", async () => {
    const body = await askModel("Write a poem about cats.");
    expect(body).toMatchObject({ answered: false, model: "extractive", citations: [] });
    expect(fake.requests).toHaveLength(0);
  });
});

describe("when the provider fails", () => {
  it.each<[FakeMode, RegExp]>([
    ["rate-limit", /unavailable \(rate limited\)/],
    ["server-error", /unavailable \(error 500 from the provider\)/],
    ["unauthorized", /unavailable \(the API key was refused\)/],
  ])("%s: /api/ask and /api/chat answer extractively with a note", async (mode, note) => {
    fake.mode = mode;
    const body = await askModel();
    expect(body).toMatchObject({ model: "extractive", answered: true });
    expect(body.note).toMatch(note);
    expect(body.note).toMatch(/this answer was extracted from the documents/);
    expect(body.answer).toMatch(/1982/);
    expect(body.sentences!.every((s) => s.supported)).toBe(true);

    const response = await chat(QUESTION);
    expect(response.status).toBe(200);
    const { raw, message } = await readChat(response);
    expect(raw).not.toContain(SECRET);
    expect(raw).not.toMatch(/"type":"error"/);
    const { text, answer } = viewOfMessage(message);
    expect(text).toBe(body.answer);
    expect(answer).toMatchObject({ model: "extractive", note: body.note });
  });

  it("times out after LLM_TIMEOUT_MS: extractive answer; in the chat the streamed start stays", async () => {
    fake.mode = "stall";
    const started = Date.now();
    const body = await askModel();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(body).toMatchObject({ model: "extractive", note: expect.stringMatching(/unavailable \(no answer within 3 s\)/) });

    const { raw, message } = await readChat(await chat(QUESTION));
    expect(raw).not.toMatch(/"type":"error"/);
    const { text, citations, answer } = viewOfMessage(message);
    expect(text.startsWith("In 1982, the newly")).toBe(true); // the part the model streamed
    expect(text).toMatch(/\n\n/);
    expect([...new Set(markersIn(text))]).toEqual(citations.map((c) => c.n));
    expect(answer).toMatchObject({ model: "openai-compatible:fake", note: expect.stringMatching(/stopped before finishing \(no answer within 3 s\)/) });
  });
});

describe("POST /api/verify", () => {
  it("returns the same verdicts as /api/ask for the same answer", async () => {
    const asked = await askModel();
    const response = await post("/api/verify", { answer: asked.answer, citations: asked.citations });
    expect(response.status).toBe(200);
    const verified = await response.json();
    expect(verified.answer).toBe(asked.answer);
    expect(verified.sentences).toEqual(asked.sentences);
    expect(verified.citations.map((c: { quote?: unknown }) => c.quote)).toEqual(asked.citations.map((c) => c.quote));
  });

  it("drops markers without a citation and renumbers by first use", async () => {
    const asked = await askModel();
    const [spain, other] = asked.citations;
    const answer = `Something uncited. The alliance hosts a moon base [5] [9]. ${asked.sentences![0].text.replace("[1]", "[5]")}`;
    const body = await (await post("/api/verify", { answer, citations: [{ ...spain, n: 5 }, { ...other, n: 6 }] })).json();
    expect(body.answer).toBe("Something uncited. The alliance hosts a moon base [1]. In 1982, the newly democratic Spain joined the alliance [1].");
    expect(body.dropped).toEqual([9]);
    expect(body.citations).toHaveLength(1);
    expect(body.sentences.map((s: { supported: boolean }) => s.supported)).toEqual([false, false, true]);
  });

  it.each([
    [{ citations: [] }, /"answer"/],
    [{ answer: "x [1]", citations: [{ n: 1, docId: "wikipedia-nato", start: 0, end: 10, text: "not it" }] }, /"citations\.0\.text"/],
    [{ answer: "x [1]", citations: [{ n: 1, docId: "no-such-doc", start: 0, end: 10, text: "x" }] }, /"citations\.0\.docId"/],
    [{ answer: "x [1]", citations: [{ n: 1, docId: "wikipedia-nato", start: 10, end: 5, text: "" }] }, /"citations\.0\.end"/],
  ])("rejects %j with a 400 naming the field", async (body, field) => {
    const response = await post("/api/verify", body);
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(field);
  });
});

describe("the API key", () => {
  it("never reaches the server's log", () => {
    const log = server.stderr();
    expect(log).toMatch(/Language model openai-compatible:fake failed \(the API key was refused\)/);
    expect(log).not.toContain(SECRET);
  });
});
