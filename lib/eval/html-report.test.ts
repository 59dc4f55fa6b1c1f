import { describe, expect, it } from "vitest";
import { renderHtmlReport } from "./html-report";
import type { EvalMetrics, QuestionResult } from "./run";

const metrics: EvalMetrics = {
  questions: 2,
  inScope: 2,
  accuracy: 0.5,
  citedSupport: 0.5,
  recall: { "@1": 0.5, "@3": 1, "@6": 1, "@10": 1 },
  mrr: 0.75,
  oosRefusal: null,
  wronglyRefused: 0,
  invalidMarkers: 0,
  invalidOffsets: 0,
  latencyMs: { p50: 10, p95: 20 },
  byKind: { date: { questions: 2, correct: 1 } },
};

const miss = {
  question: { id: "t9", kind: "date", q: "When did <b>Spain</b> join?", expect: ["1982"], support: ["Spain (1982)"] },
  response: { question: "", answer: "Spain joined in 1999 [1].", answered: true, citations: [{ n: 1, title: "NATO", text: "Spain (1999)", section: ["History"] }] },
  correct: false,
  supported: false,
  missing: ["1982"],
} as unknown as QuestionResult;

describe("renderHtmlReport", () => {
  const html = renderHtmlReport([{ label: "dev", metrics, failures: [miss] }], "2026-01-01");

  it("shows accuracy per kind as a bar", () => {
    expect(html).toContain('<th>date</th><td><div class="bar"><span style="width:50.0%">');
    expect(html).toContain("1/2 (50.0%)");
  });

  it("lists each miss with its answer, the expected pattern and the cited passage, escaped", () => {
    expect(html).toContain("When did &#60;b&#62;Spain&#60;/b&#62; join?");
    expect(html).toContain("Spain joined in 1999 [1].");
    expect(html).toContain("<code>1982</code>");
    expect(html).toContain("not in any cited passage");
    expect(html).toContain("<blockquote>Spain (1999)</blockquote>");
  });
});
