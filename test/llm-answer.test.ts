import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { stoppedNote, unavailableNote } from "@/lib/answer/answer";
import { llmFromEnv } from "@/lib/answer/llm/model";
import { SYSTEM_PROMPT } from "@/lib/answer/llm/prompt";
import { NOT_COVERED } from "@/lib/citations/refusal";
import { markersIn } from "@/lib/citations/markers";
import { citationProblems } from "@/lib/eval/contract";
import { fittedWeights } from "@/lib/answer/ranking/model";
import { ask } from "@/lib/engine/ask";
import { getEngine, type Engine } from "@/lib/engine/engine";
import { parseEnv } from "@/lib/env";
import type { AskResponse, Citation } from "@/lib/types";
import { passagesOf, startFakeOpenAI, type FakeOpenAI } from "./fake-openai";
import { failingModel, hangingModel, llmSetup, promptOf, promptPassages, replyingModel, streamingModel } from "./mock-model";

const QUESTION = "When did Spain join the alliance?";

let engine: Engine;
let fake: FakeOpenAI;
beforeAll(async () => {
  engine = await getEngine();
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake?.close();
});

const contract = (r: AskResponse) => citationProblems(r, (docId) => engine.store.view().documentText(docId));
const firstSentence = (text: string) => text.replace(/\s+/g, " ").trim().split(/(?<=[.!?])\s/)[0];
const quiet = () => vi.spyOn(console, "warn").mockImplementation(() => {});

/** Cites the passage that mentions 1982 first (by its prompt number), then passage 1 and a passage that does not exist. */
function spainReply(passages: Map<number, string>): { text: string; spain: number } {
  const spain = [...passages].find(([, t]) => /Spain/.test(t) && /1982/.test(t))![0];
  const other = spain === 1 ? 2 : 1;
  const spainSentence = passages.get(spain)!.replace(/\s+/g, " ").split(/(?<=\.)\s/).find((t) => /Spain/.test(t) && /1982/.test(t))!.replace(/\.$/, "");
  return {
    spain,
    text: `${spainSentence} [${spain}]. The alliance keeps its gold reserves on the Moon [${other}][${passages.size + 3}]. ${firstSentence(passages.get(other)!)} [${other}]`,
  };
}

describe("LLM answerer with a mock model", () => {
  it("prompts with the retrieved passages numbered [1]..[k] as data, and the question", async () => {
    const model = replyingModel(() => "Spain joined in 1982 [1].");
    const { retrieved } = await ask({ question: QUESTION }, engine, { llm: llmSetup(model) });
    expect(retrieved).toHaveLength(6);
    const prompt = promptOf(model.doStreamCalls[0]);
    expect(prompt.system).toBe(SYSTEM_PROMPT);
    const passages = promptPassages(prompt.user);
    expect([...passages.keys()]).toEqual(retrieved.map((_, i) => i + 1));
    expect([...passages.values()]).toEqual(retrieved.map((p) => p.text.trim()));
    expect(prompt.user).toMatch(new RegExp(`<question>\\n${QUESTION.replace("?", "\\?")}\\n</question>`));
  });

  it("streams text whose markers are already the final citation numbers; drops markers to no passage; judges each sentence", async () => {
    let spain = 0;
    const model = replyingModel(({ user }) => {
      const reply = spainReply(promptPassages(user));
      spain = reply.spain;
      return reply.text;
    });
    const deltas: string[] = [];
    const firstUses: string[] = [];
    const response = await ask({ question: QUESTION }, engine, {
      llm: llmSetup(model),
      hooks: { onText: (d) => deltas.push(d), onCitation: (c: Citation) => firstUses.push(c.chunkId) },
    });
    expect(response.model).toBe("mock:test");
    expect(response.answered).toBe(true);
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.join("")).toBe(response.answer); // what streamed is the final text
    expect([...new Set(markersIn(response.answer))]).toEqual([1, 2]);
    expect(response.answer).not.toMatch(/\[\d+\]\[|\[[3-9]\]/);
    expect(response.citations[0].chunkId).toBe(response.retrieved[spain - 1].chunkId);
    expect(firstUses).toEqual(response.citations.map((c) => c.chunkId));
    expect(contract(response)).toEqual({ markers: [], offsets: [] });
    expect(response.sentences!.map((s) => [s.citations, s.supported])).toEqual([
      [[1], true],
      [[2], false],
      [[2], true],
    ]);
    expect(response.citations[0].quote).toBeDefined();
  });

  it("refuses out-of-scope questions without calling the model", async () => {
    const model = replyingModel(() => "Bake it [1].");
    const response = await ask({ question: "How do I bake sourdough bread?" }, engine, { llm: llmSetup(model) });
    expect(model.doStreamCalls).toHaveLength(0);
    expect(response).toMatchObject({ answered: false, answer: NOT_COVERED, citations: [], sentences: [] });
  });

  it("lets the model answer where the extractive answerer alone would refuse: its refusal is only a floor", async () => {
    const fitted = fittedWeights();
    // Weights under which the extractive answerer refuses everything but nothing is clearly off-topic.
    const cautious = { ...fitted, refusal: { ...fitted.refusal, threshold: 1.01, floor: 0 } };
    expect((await ask({ question: QUESTION }, engine, { llm: null, model: cautious })).answered).toBe(false);
    const model = replyingModel(() => "Spain joined in 1982 [1].");
    const response = await ask({ question: QUESTION }, engine, { llm: llmSetup(model), model: cautious });
    expect(model.doStreamCalls).toHaveLength(1);
    expect(response).toMatchObject({ answered: true, model: "mock:test" });
    const offTopic = { ...fitted, refusal: { ...fitted.refusal, threshold: 1.01, floor: 1.01 } };
    const unasked = replyingModel(() => "Spain joined in 1982 [1].");
    expect((await ask({ question: QUESTION }, engine, { llm: llmSetup(unasked), model: offTopic })).answered).toBe(false);
    expect(unasked.doStreamCalls).toHaveLength(0);
  });

  it("takes the model's refusal as answered: false", async () => {
    const response = await ask({ question: QUESTION }, engine, { llm: llmSetup(streamingModel([NOT_COVERED])) });
    expect(response).toMatchObject({ answered: false, answer: NOT_COVERED, citations: [], sentences: [], model: "mock:test" });
  });
});

describe("LLM failures fall back to the extractive answer", () => {
  let extractive: AskResponse;
  beforeAll(async () => {
    extractive = await ask({ question: QUESTION }, engine, { llm: null });
  });

  it.each([
    [429, "rate limited"],
    [500, "error 500 from the provider"],
    [401, "the API key was refused"],
  ])("on HTTP %i, with a note", async (status, reason) => {
    const warn = quiet();
    const response = await ask({ question: QUESTION }, engine, { llm: llmSetup(failingModel(status, "Incorrect API key provided: sk-mock-secret")) });
    expect(warn.mock.calls.flat().join(" ")).not.toContain("sk-mock-secret");
    warn.mockRestore();
    expect(response).toMatchObject({ model: "extractive", answer: extractive.answer, answered: true, note: unavailableNote(reason) });
    expect(response.sentences!.every((s) => s.supported)).toBe(true);
  });

  it("on a timeout", async () => {
    const warn = quiet();
    const started = Date.now();
    const response = await ask({ question: QUESTION }, engine, { llm: llmSetup(hangingModel(), 300) });
    warn.mockRestore();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(response).toMatchObject({ model: "extractive", answer: extractive.answer, note: unavailableNote("no answer within 0.3 s") });
  });

  it("mid-answer: what was streamed stays and the extractive answer finishes it, numbered on", async () => {
    const warn = quiet();
    const deltas: string[] = [];
    const model = streamingModel(["NATO has its head", "quarters in Brussels [2", "]. And more"], { fail: new Error("connection reset") });
    const response = await ask({ question: QUESTION }, engine, { llm: llmSetup(model), hooks: { onText: (d) => deltas.push(d) } });
    warn.mockRestore();
    expect(deltas.join("")).toBe(response.answer);
    expect(response.answer.startsWith("NATO has its headquarters in Brussels [1]. And more\n\n")).toBe(true);
    expect(response.answer).toMatch(/1982/);
    expect(response).toMatchObject({ model: "mock:test", note: stoppedNote("an unexpected error") });
    expect(contract(response)).toEqual({ markers: [], offsets: [] });
    expect(response.sentences!.find((s) => s.text.startsWith("And more"))?.supported).toBe(false);
  });

  it("when the model is not configured", async () => {
    const warn = quiet();
    const response = await ask({ question: QUESTION }, engine, { llm: llmFromEnv(parseEnv({ LLM_PROVIDER: "openai-compatible", LLM_MODEL: "x" })) });
    warn.mockRestore();
    expect(response).toMatchObject({ model: "extractive", note: unavailableNote("LLM_BASE_URL is not set") });
  });
});

describe("the real AI SDK providers against a fake OpenAI-compatible server", () => {
  beforeAll(() => {
    fake.mode = "ok";
    fake.reply = (body) => spainReply(passagesOf(body)).text;
  });

  it.each([
    ["openai-compatible", { LLM_PROVIDER: "openai-compatible", LLM_MODEL: "fake", LLM_API_KEY: "sk-test-secret" }],
    ["openai", { LLM_PROVIDER: "openai", LLM_MODEL: "gpt-4o-mini", OPENAI_API_KEY: "sk-test-secret" }],
  ])("%s streams chat completions", async (provider, vars) => {
    fake.requests.length = 0;
    const llm = llmFromEnv(parseEnv({ ...vars, LLM_BASE_URL: fake.baseURL }));
    const response = await ask({ question: QUESTION }, engine, { llm });
    expect(response.model).toBe(`${provider}:${vars.LLM_MODEL}`);
    expect(response.answer).toMatch(/Spain joined the alliance \[1\]\./);
    expect(response.sentences!.map((s) => s.supported)).toEqual([true, false, true]);
    const request = fake.requests[0];
    expect(request.authorization).toBe("Bearer sk-test-secret");
    expect(request.body).toMatchObject({ model: vars.LLM_MODEL, stream: true, temperature: 0 });
    expect(request.body.messages[0]).toEqual({ role: "system", content: SYSTEM_PROMPT });
    expect(passagesOf(request.body).size).toBe(response.retrieved.length);
  });
});
