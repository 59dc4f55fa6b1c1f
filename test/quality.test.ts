import { beforeAll, describe, expect, it } from "vitest";
import { markersIn } from "@/lib/citations/markers";
import { citationProblems, documentTextLookup } from "@/lib/eval/contract";
import { ask } from "@/lib/engine/ask";
import { getEngine, type Engine } from "@/lib/engine/engine";
import { readQuestions, type EvalQuestion } from "@/lib/eval/questions";
import { compareRetrievers } from "@/lib/eval/retrievers";
import { runEval, type EvalMetrics } from "@/lib/eval/run";

const DEV = "../shared/eval/dev.jsonl";

let engine: Engine;
let questions: EvalQuestion[];
let metrics: EvalMetrics;
beforeAll(async () => {
  engine = await getEngine();
  questions = await readQuestions(DEV);
  metrics = (await runEval(engine, questions)).metrics;
  console.log("dev.jsonl:", JSON.stringify(metrics));
});

describe("retrieval on dev.jsonl", () => {
  it("finds the supporting passage in the top 6 for most questions, better fused than alone", async () => {
    const table = await compareRetrievers(engine, questions);
    console.log("recall:", JSON.stringify(table));
    const at6 = (name: string) => table.find((r) => r.retriever === name)!.recall["@6"];
    expect(at6("hybrid")).toBeGreaterThanOrEqual(0.85);
    expect(at6("hybrid")).toBeGreaterThanOrEqual(Math.max(at6("dense"), at6("lexical")));
    expect(at6("hybrid")).toBeGreaterThan(at6("rrf (k=60)"));
  });
});

describe("answers on dev.jsonl", () => {
  it("meets the accuracy and cited-support targets", () => {
    expect(metrics.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(metrics.citedSupport).toBeGreaterThanOrEqual(0.8);
  });

  it("refuses every out-of-scope question", () => {
    expect(metrics.oosRefusal).toBe(1);
  });

  it("keeps the citation contract on every answer", () => {
    expect(metrics.invalidMarkers).toBe(0);
    expect(metrics.invalidOffsets).toBe(0);
  });
});

describe("answers", () => {
  const check = (question: string) => ask({ question }, engine);

  it.each(["What is the capital of Australia?", "How do I bake sourdough bread?", "Who won the 2018 football World Cup?"])(
    "refuses %s",
    async (question) => {
      expect((await check(question)).answered).toBe(false);
    },
  );

  it("prefers the newest source when sources disagree, and cites the older one too", async () => {
    const response = await check("How many member countries does NATO have?");
    expect(response.answered).toBe(true);
    expect(response.answer).toMatch(/32|thirty-two/i);
    expect(response.answer).toMatch(/older source/i);
    expect(response.answer).toMatch(/31/);
    expect(new Set(response.citations.map((c) => c.docId)).size).toBeGreaterThan(1);
  });

  it("numbers markers 1..m in order of first use and quotes inside the cited passage", async () => {
    const response = await check("When did Montenegro and North Macedonia join?");
    const firstUse = [...new Set(markersIn(response.answer))];
    expect(firstUse).toEqual(response.citations.map((_, i) => i + 1));
    expect(citationProblems(response, documentTextLookup(engine.store.documents))).toEqual({ markers: [], offsets: [] });
    for (const c of response.citations) {
      expect(c.quote!.start).toBeGreaterThanOrEqual(c.start);
      expect(c.quote!.end).toBeLessThanOrEqual(c.end);
    }
  });
});
