import { beforeAll, describe, expect, it } from "vitest";
import { ask } from "@/lib/engine/ask";
import { getEngine, type Engine } from "@/lib/engine/engine";
import { verify } from "@/lib/engine/verify";
import { readQuestions } from "@/lib/eval/questions";

/**
 * Verification on the real index (sentence vectors from ingestion, USE-Lite for the answer).
 * These cases set SUPPORT.threshold: faithful paraphrases score about 0.72..0.94, unsupported
 * sentences about the same passage 0.18..0.49; wrong numbers, names and negations score high
 * but are caught by the exact checks.
 */
let engine: Engine;
beforeAll(async () => {
  engine = await getEngine();
});

/** A citation as /api/ask gives it: the paragraph around a needle, exactly as the document has it. */
function citeAround(n: number, docId: string, needle: string) {
  const text = engine.store.view().documentText(docId)!;
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in ${docId}`);
  const start = text.lastIndexOf("\n", Math.max(0, at - 200)) + 1;
  const end = Math.min(text.length, at + needle.length + 250);
  return { n, docId, start, end, text: text.slice(start, end) };
}

const SPAIN = ["wikipedia-nato", "In 1982, the newly democratic Spain joined the alliance."] as const;
const FINLAND = ["bbc-what-is-nato-2024", "Finland - which has a 1,340km"] as const;
const ARTICLE5 = ["nato-what-is-nato", "So far, Article 5 has been invoked once"] as const;
const MEMBERS = ["bbc-what-is-nato-2024", "Nato has 32 members across Europe"] as const;
const HQ = ["bbc-what-is-nato-2024", "Speaking at Nato headquarters, in Brussels"] as const;

describe("sentence verdicts on the real index", () => {
  it.each([
    ["In 1982 Spain became a member of NATO.", SPAIN],
    ["Spain joined the alliance in 1982, after becoming a democracy.", SPAIN],
    ["Finland, which shares a long land border with Russia, joined in April 2023.", FINLAND],
    ["Finland has a 1,340 km border with Russia and joined the alliance in April 2023.", FINLAND],
    ["The BBC reports that Finland joined in April 2023.", FINLAND],
    ["Article 5 has been invoked only once, after the 9/11 attacks in 2001.", ARTICLE5],
    ["NATO has 32 member countries in Europe and North America.", MEMBERS],
    ["According to the passage, the alliance's headquarters are in Brussels.", HQ],
  ])("supports the paraphrase %j", async (sentence, [docId, needle]) => {
    const result = await verify({ answer: `${sentence} [1]`, citations: [citeAround(1, docId, needle)] }, engine);
    expect(result.sentences[0]).toMatchObject({ supported: true, citations: [1] });
    expect(result.citations[0].quote).toBeDefined();
  });

  it.each([
    ["Spain hosts the alliance's largest naval base.", SPAIN],
    ["The alliance keeps its gold reserves on the Moon.", SPAIN],
    ["Finland's army is the largest in Europe.", FINLAND],
    ["Article 5 requires members to spend two percent of GDP on defence.", ARTICLE5],
    ["NATO was founded by Charles de Gaulle in Paris.", MEMBERS],
    ["Spain joined the alliance in 1986.", SPAIN], // wrong number
    ["Sweden joined the alliance in 1982.", SPAIN], // wrong name
    ["Finland joined the alliance together with Norway in April 2023.", FINLAND], // added name
    ["Finland refused to join the alliance in April 2023.", FINLAND], // negation
  ])("does not support %j", async (sentence, [docId, needle]) => {
    const result = await verify({ answer: `${sentence} [1]`, citations: [citeAround(1, docId, needle)] }, engine);
    expect(result.sentences[0]).toMatchObject({ supported: false, citations: [1] });
    expect(result.citations[0].quote).toBeUndefined();
  });

  it("supports a sentence that needs two passages together, and quotes each", async () => {
    const answer = "Spain joined the alliance in 1982, and Finland joined in April 2023 [1] [2].";
    const result = await verify({ answer, citations: [citeAround(1, ...SPAIN), citeAround(2, ...FINLAND)] }, engine);
    expect(result.sentences[0].supported).toBe(true);
    const doc = (id: string) => engine.store.view().documentText(id)!;
    const [spain, finland] = result.citations;
    expect(doc(spain.docId).slice(spain.quote!.start, spain.quote!.end)).toMatch(/Spain joined the alliance/);
    expect(doc(finland.docId).slice(finland.quote!.start, finland.quote!.end)).toMatch(/joined in April 2023/);
  });

  it("counts an uncited sentence as unsupported", async () => {
    const result = await verify({ answer: "Spain joined in 1982 [1]. This changed everything.", citations: [citeAround(1, ...SPAIN)] }, engine);
    expect(result.sentences.map((s) => [s.citations, s.supported])).toEqual([[[1], true], [[], false]]);
  });
});

describe("the extractive answers", () => {
  it("are supported sentence by sentence on every answered dev question, quotes inside their passages", async () => {
    const problems: string[] = [];
    for (const q of await readQuestions("../shared/eval/dev.jsonl")) {
      const response = await ask({ question: q.q }, engine, { llm: null });
      if (!response.answered) {
        expect(response.sentences).toEqual([]);
        continue;
      }
      for (const s of response.sentences!) if (!s.supported || !s.citations.length) problems.push(`${q.id}: ${s.text}`);
      for (const c of response.citations) {
        if (!c.quote || c.quote.start < c.start || c.quote.end > c.end) problems.push(`${q.id}: quote of [${c.n}] outside its passage`);
      }
    }
    expect(problems).toEqual([]);
  });
});
