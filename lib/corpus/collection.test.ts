import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { NEUTRAL_COLLECTION, readCollection } from "./collection";
import { readCorpus } from "./read";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "collection-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const write = (content: string) => fs.writeFile(path.join(dir, "collection.json"), content);

async function failure(): Promise<AppError> {
  const error = await readCollection(dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readCollection", () => {
  it("gives neutral wording, with no example questions, when there is no collection.json", async () => {
    const collection = await readCollection(dir);
    expect(collection).toEqual(NEUTRAL_COLLECTION);
    expect(collection.examples).toEqual([]);
    expect(JSON.stringify(collection)).not.toMatch(/NATO/i);
  });

  it("takes what collection.json sets and the neutral wording for the rest", async () => {
    await write(JSON.stringify({ name: "Bee Facts", examples: ["How long does a worker bee live?"] }));
    const collection = await readCollection(dir);
    expect(collection.name).toBe("Bee Facts");
    expect(collection.examples).toEqual(["How long does a worker bee live?"]);
    expect(collection.placeholder).toBe(NEUTRAL_COLLECTION.placeholder);
  });

  it("names the file and the field when collection.json is wrong", async () => {
    await write(JSON.stringify({ name: "" }));
    const error = await failure();
    expect(error.message).toContain(path.join(dir, "collection.json"));
    expect(error.message).toMatch(/"name"/);

    await write(JSON.stringify({ nmae: "Typo" }));
    expect((await failure()).message).toMatch(/collection\.json: .*nmae/);

    await write("{ not json");
    expect((await failure()).message).toMatch(/collection\.json is not valid JSON/);
  });

  it("reads the shipped corpus's own wording", async () => {
    expect((await readCollection("corpus")).name).toMatch(/NATO/);
  });

  it("is not a document of the corpus", async () => {
    await fs.writeFile(path.join(dir, "a.txt"), "Plain text.");
    await write(JSON.stringify({ name: "Bee Facts" }));
    const { documents, skipped } = await readCorpus(dir);
    expect(documents.map((d) => d.file)).toEqual(["a.txt"]);
    expect(skipped).toEqual([]);
  });
});
