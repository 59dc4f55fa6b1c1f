import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ask } from "@/lib/engine/ask";
import type { Engine } from "@/lib/engine/engine";
import { collectionOf, type Collection } from "./collection";

/** A collection of one short document about something else entirely: the engine must not lean on NATO. */
const BEES = `# Honey bees

- Scientific Name: Apis mellifera
- Order: Hymenoptera

A honey bee colony has one queen, a few hundred drones and thousands of workers.
In summer a worker lives about six weeks; workers born in autumn survive the winter.
The queen lays up to 2,000 eggs a day and can live for several years.
Drones do not sting, and they die after mating.
Workers make honey from nectar and store it in wax cells.
Beekeepers harvest honey in late summer.
The BBKA stands behind every new beekeeper with courses each spring.
Founded in 1874, the British Beekeepers Association (BBKA) now has 28,000 members.

The three castes of a colony are:
| | Queen | Drones | Workers | |
`;

let collection: Collection;
let engine: Engine;
beforeAll(async () => {
  collection = await collectionOf({ "bees.md": BEES });
  await collection.ingest();
  engine = await collection.engine();
});
afterAll(() => collection.remove());

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

  it("spells out an acronym from the sentence that expands it, not one that shares the question's words", async () => {
    const response = await ask({ question: "What does BBKA stand for?" }, engine, { llm: null });
    expect(response.answered).toBe(true);
    expect(response.answer.split(/\[\d+\]/)[0]).toMatch(/British Beekeepers Association/);
  });

  it("never cites a table row, nor the line that only introduces it", async () => {
    const response = await ask({ question: "What are the castes of a colony?" }, engine, { llm: null });
    expect(response.answer).not.toMatch(/\||are:/);
  });

  it("answers a follow-up with the next fact, not the last answer again", async () => {
    const history = [
      { role: "user" as const, content: "How long does a worker bee live?" },
      { role: "assistant" as const, content: "In summer a worker lives about six weeks. [1]" },
    ];
    const response = await ask({ question: "and the queen?", history }, engine, { llm: null });
    expect(response.answer.split(/\[\d+\]/)[0]).toMatch(/queen/);
    expect(response.answer).not.toMatch(/six weeks/);
  });

  it("cites an infobox line on its own, not with the unrelated line after it", async () => {
    const response = await ask({ question: "What is the scientific name of the honey bee?" }, engine, { llm: null });
    expect(response.answer).toMatch(/Apis mellifera/);
    expect(response.answer).not.toMatch(/Hymenoptera/);
  });

  it("refuses a question about something it never mentions", async () => {
    const response = await ask({ question: "Who won the 2018 football World Cup?" }, engine, { llm: null });
    expect(response.answered).toBe(false);
  });
});
