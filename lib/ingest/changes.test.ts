import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collectionOf, type Collection } from "@/test/collection";
import { corpusChangesSinceIndex } from "./changes";

let collection: Collection;
beforeEach(async () => {
  collection = await collectionOf({ "alpha.txt": "Alpha Base is in the north.", "beta.md": "# Beta\n\nBeta Port handles ships." });
});
afterEach(() => collection.remove());

const changes = () => corpusChangesSinceIndex(collection.corpus, collection.data);

describe("corpusChangesSinceIndex", () => {
  it("says there is no index yet, then nothing once the corpus is ingested", async () => {
    expect(await changes()).toEqual(["there is no index yet"]);
    await collection.ingest();
    expect(await changes()).toEqual([]);
  });

  it("names the files added, changed and removed since the index was built, and metadata edited in corpus.json", async () => {
    await collection.ingest();
    await collection.write({ "gamma.txt": "Gamma Field grows wheat.", "beta.md": "# Beta\n\nBeta Port was dredged.", "corpus.json": JSON.stringify({ "alpha.txt": { source: "Atlas" } }) });
    await fs.rm(path.join(collection.corpus, "alpha.txt"));
    expect(await changes()).toEqual(["1 new (gamma.txt)", "1 changed (beta.md)", "1 removed (alpha.txt)"]);
    await collection.write({ "alpha.txt": "Alpha Base is in the north." });
    expect(await changes()).toEqual(["1 new (gamma.txt)", "1 changed (beta.md)", "1 with new metadata in corpus.json (alpha.txt)"]);
    await collection.ingest();
    expect(await changes()).toEqual([]);
  });

  it("asks for a rebuild when the index was split into sentences by an older splitter", async () => {
    await collection.ingest();
    const manifestFile = path.join(collection.data, "current", "manifest.json");
    const manifest = JSON.parse(await fs.readFile(manifestFile, "utf8"));
    await fs.writeFile(manifestFile, JSON.stringify({ ...manifest, chunking: { ...manifest.chunking, segmenter: manifest.chunking.segmenter - 1 } }));
    expect(await changes()).toEqual(["the sentence splitter has changed since the index was built"]);
    await collection.ingest();
    expect(await changes()).toEqual([]);
  });
});
