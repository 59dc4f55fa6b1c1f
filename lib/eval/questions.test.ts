import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readQuestions } from "./questions";

async function file(lines: object[]): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "questions-"));
  const name = path.join(dir, "q.jsonl");
  await fs.writeFile(name, lines.map((l) => JSON.stringify(l)).join("\n"));
  return name;
}

describe("readQuestions", () => {
  it("reads every kind of the extended format, with the history of a follow-up", async () => {
    const kinds = ["fact", "paraphrase", "list", "number", "date", "why", "followup", "conflict", "oos"];
    const history = [
      { role: "user", content: "What was Operation Allied Force?" },
      { role: "assistant", content: "A bombing campaign [1]." },
    ];
    const questions = await readQuestions(await file(kinds.map((kind, i) => ({ id: `q${i}`, kind, q: "Why?", expect: [], support: [], ...(kind === "followup" ? { history } : {}) }))));
    expect(questions.map((q) => q.kind)).toEqual(kinds);
    expect(questions.find((q) => q.kind === "followup")!.history).toEqual(history);
  });

  it("names the line and field of a bad question", async () => {
    await expect(readQuestions(await file([{ id: "a", kind: "fact", q: "Q?", expect: [], support: [] }, { id: "b", kind: "riddle", q: "Q?", expect: [], support: [] }]))).rejects.toThrow(/q\.jsonl:2: kind/);
  });
});
