import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEmbedder } from "@/lib/embeddings";
import { ask } from "@/lib/engine/ask";
import { getEngine, type Engine } from "@/lib/engine/engine";
import { ingest } from "@/lib/ingest/ingest";

/** A collection of one short document about something else entirely: the engine must not lean on NATO. */
const BEES = `# Honey bees

A honey bee colony has one queen, a few hundred drones and thousands of workers.
In summer a worker lives about six weeks; workers born in autumn survive the winter.
The queen lays up to 2,000 eggs a day and can live for several years.
Drones do not sting, and they die after mating.
Workers make honey from nectar and store it in wax cells.
Beekeepers harvest honey in late summer.
`;

const root = await fs.mkdtemp(path.join(os.tmpdir(), "small-collection-"));
let engine: Engine;
beforeAll(async () => {
  await fs.mkdir(path.join(root, "corpus"));
  await fs.writeFile(path.join(root, "corpus", "bees.md"), BEES);
  await ingest({ corpusDir: path.join(root, "corpus"), dataDir: path.join(root, "data"), embedder: await getEmbedder() });
  engine = await getEngine(path.join(root, "data"));
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

describe("a one-document collection", () => {
  it("answers a plain question whose words it shares only in part", async () => {
    const response = await ask({ question: "How long does a worker bee live?" }, engine, { llm: null });
    expect(response.answered).toBe(true);
    expect(response.answer).toMatch(/six weeks/);
  });

  it("answers with the sentence that holds the kind of answer asked for", async () => {
    const response = await ask({ question: "How many eggs does the queen lay?" }, engine, { llm: null });
    expect(response.answer).toMatch(/2,000 eggs/);
  });

  it("refuses a question about something it never mentions", async () => {
    const response = await ask({ question: "Who won the 2018 football World Cup?" }, engine, { llm: null });
    expect(response.answered).toBe(false);
  });
});
