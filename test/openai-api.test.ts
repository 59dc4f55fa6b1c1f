import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { generateText, streamText } from "ai";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Citation } from "@/lib/types";
import { startServer, type TestServer } from "./server";

/** The /v1 routes against the production server, through clients nobody here wrote: `openai` and the AI SDK's openai-compatible provider. */

let server: TestServer;
let client: OpenAI;
beforeAll(async () => {
  server = await startServer();
  client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: "not-needed", maxRetries: 0 });
});
afterAll(async () => {
  await server?.stop();
});

const QUESTION = "Where is NATO's main headquarters?";
const citationsOf = (response: object) => (response as { citations: Citation[] }).citations;

async function documentText(docId: string): Promise<string> {
  return ((await (await fetch(`${server.url}/api/documents/${docId}`)).json()) as { text: string }).text;
}

type Annotation = { type: "url_citation"; url_citation: { start_index: number; end_index: number; url: string; title: string } };

/** Each annotation sits on an [n] marker of the content and links the passage of citation n, whose text is the document's. */
async function expectCitedAnswer(content: string, annotations: Annotation[], citations: Citation[]) {
  expect(content).toMatch(/Brussels/);
  expect(content).toMatch(/\[1\]/);
  expect(citations.length).toBeGreaterThan(0);
  expect(annotations.length).toBe(content.match(/\[\d+\]/g)!.length);
  for (const { type, url_citation: a } of annotations) {
    expect(type).toBe("url_citation");
    const n = Number(content.slice(a.start_index, a.end_index).match(/^\[(\d+)\]$/)![1]);
    const c = citations.find((x) => x.n === n)!;
    expect(a.title).toBe(c.title);
    expect(a.url).toBe(`${server.url}/documents/${c.docId}#${c.start}-${c.end}`);
  }
  for (const c of citations) expect((await documentText(c.docId)).slice(c.start, c.end)).toBe(c.text);
}

describe("the openai client", () => {
  it("lists the answerer as the model", async () => {
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(["extractive"]);
  });

  it("gets a chat completion whose annotations point at the [n] markers and whose citations are exact", async () => {
    const completion = await client.chat.completions.create({ model: "extractive", messages: [{ role: "user", content: QUESTION }], temperature: 0.2 });
    expect(completion).toMatchObject({ object: "chat.completion", model: "extractive", choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant" } }] });
    const { content, annotations } = completion.choices[0].message;
    await expectCitedAnswer(content!, annotations as Annotation[], citationsOf(completion));
    const words = content!.split(/\s+/).filter(Boolean).length;
    expect(completion.usage).toEqual({ prompt_tokens: 7, completion_tokens: Math.ceil((words * 4) / 3), total_tokens: 7 + Math.ceil((words * 4) / 3) });
  });

  it("streams the same answer in chunks, annotations and citations in the last one", async () => {
    const whole = await client.chat.completions.create({ model: "extractive", messages: [{ role: "user", content: QUESTION }] });
    const stream = await client.chat.completions.create({ model: "extractive", messages: [{ role: "user", content: QUESTION }], stream: true });
    let content = "";
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
      content += chunk.choices[0]?.delta.content ?? "";
    }
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.every((c) => c.object === "chat.completion.chunk" && c.id === chunks[0].id)).toBe(true);
    expect(content).toBe(whole.choices[0].message.content);
    const last = chunks.at(-1)!;
    expect(last.choices[0].finish_reason).toBe("stop");
    const annotations = (last.choices[0].delta as { annotations: Annotation[] }).annotations;
    await expectCitedAnswer(content, annotations, citationsOf(last));
    expect(citationsOf(last)).toEqual(citationsOf(whole));
    expect(last.usage).toEqual(whole.usage);
  });

  it("answers a follow-up from the conversation's history", async () => {
    const completion = await client.chat.completions.create({
      model: "extractive",
      messages: [
        { role: "system", content: "You are helpful." },
        { role: "user", content: "When did Finland join NATO?" },
        { role: "assistant", content: "Finland joined NATO in 2023 [1]." },
        { role: "user", content: [{ type: "text", text: "and Sweden?" }] },
      ],
    });
    const content = completion.choices[0].message.content!;
    expect(content).toMatch(/Sweden/);
    expect(content).toMatch(/2024/);
  });

  it("is told about an unknown model with a 404 in OpenAI's error shape", async () => {
    const error = await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: QUESTION }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({ status: 404, code: "model_not_found", type: "invalid_request_error", param: "model" });
    expect((error as Error).message).toMatch(/extractive/);
  });

  it("is told about missing or unusable messages with a 400", async () => {
    for (const messages of [[], [{ role: "system", content: "Only instructions." }], [{ role: "user", content: QUESTION }, { role: "assistant", content: "Hm." }]] as const) {
      const error = await client.chat.completions.create({ model: "extractive", messages: [...messages] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error).toMatchObject({ status: 400, type: "invalid_request_error", param: "messages" });
    }
    const error = await client.chat.completions.create({ model: "extractive", messages: [{ role: "user", content: QUESTION }], n: 2 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, param: "n" });
  });
});

describe("the /v1 HTTP surface", () => {
  const post = (body: string, type = "application/json") =>
    fetch(`${server.url}/v1/chat/completions`, { method: "POST", headers: { "content-type": type }, body });

  it.each([
    ["no messages", () => post(JSON.stringify({ model: "extractive" })), 400, "messages"],
    ["bad JSON", () => post("{"), 400, null],
    ["not JSON", () => post("question", "text/plain"), 415, null],
    ["too large", () => post(JSON.stringify({ model: "extractive", messages: [{ role: "user", content: "x".repeat(300_000) }] })), 413, null],
    ["GET", () => fetch(`${server.url}/v1/chat/completions`), 405, null],
    ["an unknown route", () => fetch(`${server.url}/v1/embeddings`, { method: "POST" }), 404, null],
  ])("answers %s with OpenAI's error shape", async (_, send, status, param) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const body = await response.json();
    expect(body).toEqual({ error: { message: expect.any(String), type: "invalid_request_error", code: expect.any(String), param } });
  });

  it("ends a raw stream with data: [DONE]", async () => {
    const response = await post(JSON.stringify({ model: "extractive", stream: true, messages: [{ role: "user", content: QUESTION }] }));
    expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
    const text = await response.text();
    expect(text.trimEnd().endsWith("data: [DONE]")).toBe(true);
    expect(text.split("\n\n").filter(Boolean).every((event) => event.startsWith("data: "))).toBe(true);
  });
});

describe("the AI SDK's openai-compatible provider", () => {
  const provider = () => createOpenAICompatible({ name: "nato-rag", baseURL: `${server.url}/v1` });

  it("generates our answer", async () => {
    const { text, finishReason, usage } = await generateText({ model: provider().chatModel("extractive"), prompt: QUESTION });
    expect(text).toMatch(/Brussels/);
    expect(text).toMatch(/\[1\]/);
    expect(finishReason).toBe("stop");
    expect(usage.outputTokens).toBeGreaterThan(0);
  });

  it("streams our answer", async () => {
    const result = streamText({ model: provider().chatModel("extractive"), prompt: QUESTION });
    let text = "";
    for await (const delta of result.textStream) text += delta;
    expect(text).toMatch(/Brussels.*\[1\]/s);
    expect(await result.finishReason).toBe("stop");
  });
});
