import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getEmbedder } from "@/lib/embeddings";
import { ingest } from "@/lib/ingest/ingest";
import { currentIndexDir, loadIndex, readIndexData } from "./disk";
import { INDEX_FILES, type IndexFileKey } from "./format";

// Fault injection: one index is built, then each test damages a fresh copy of it.
let root: string;
let pristine: string;
let data: string;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "index-faults-"));
  const corpus = path.join(root, "corpus");
  pristine = path.join(root, "pristine");
  await fs.mkdir(corpus);
  await fs.writeFile(path.join(corpus, "alpha.txt"), "Alpha Base is in the north. It opened in 1951 with 2,400 troops.");
  await fs.writeFile(path.join(corpus, "beta.md"), "# Beta\nBeta Port handles ships. Its harbour is 14.5 metres deep.");
  await ingest({ corpusDir: corpus, dataDir: pristine, embedder: await getEmbedder() });
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

let copies = 0;
beforeEach(async () => {
  data = path.join(root, `copy-${++copies}`);
  await fs.cp(pristine, data, { recursive: true, verbatimSymlinks: true });
});

const file = (key: keyof typeof INDEX_FILES) => path.join(currentIndexDir(data), INDEX_FILES[key]);

async function editJson(key: keyof typeof INDEX_FILES, edit: (value: never) => unknown) {
  const value = JSON.parse(await fs.readFile(file(key), "utf8"));
  await fs.writeFile(file(key), JSON.stringify(edit(value as never)));
}

/** Makes the manifest vouch for the file as it now is: what a consistent (but wrong) edit would do. */
async function rewriteChecksum(key: IndexFileKey) {
  const sum = createHash("sha256").update(await fs.readFile(file(key))).digest("hex");
  await editJson("manifest", (m: { files: Record<string, string> }) => ({ ...m, files: { ...m.files, [key]: sum } }));
}

async function refusal(): Promise<Error & { code: string; status: number }> {
  const error = await loadIndex(data).then(
    () => null,
    (e: Error & { code: string; status: number }) => e,
  );
  expect(error, "the damaged index was loaded").not.toBeNull();
  return error!;
}

/** Refused as damaged, with what to do, and nothing of the server's paths or of the file's bytes. */
async function expectDamaged(reason: RegExp) {
  const error = await refusal();
  expect(error).toMatchObject({ code: "index_incompatible", status: 503 });
  expect(error.message).toMatch(/^The index is damaged \(.*\): run `npm run ingest` to rebuild it\.$/);
  expect(error.message).toMatch(reason);
  expect(error.message).not.toContain(root);
  expect(error.message).not.toMatch(/\/|\\u|Unexpected token/);
}

describe("a damaged index is refused, never loaded", () => {
  it("loads the intact copy", async () => {
    expect((await loadIndex(data)).documents).toHaveLength(2);
  });

  it("dense.hnsw with random bytes at an offset, same size (used to crash the process at the first query)", async () => {
    const bytes = await fs.readFile(file("dense"));
    bytes.set(Uint8Array.from({ length: 64 }, (_, i) => (i * 97 + 13) & 0xff), 200);
    await fs.writeFile(file("dense"), bytes);
    await expectDamaged(/dense\.hnsw does not match its checksum/);
  });

  it.each(["documents", "chunks", "units", "vectors", "dense", "lexical"] as const)("%s truncated", async (key) => {
    const size = (await fs.stat(file(key))).size;
    await fs.truncate(file(key), Math.floor(size / 2));
    await expectDamaged(new RegExp(`${INDEX_FILES[key].replace(".", "\\.")} does not match its checksum`));
  });

  it("a missing file", async () => {
    await fs.rm(file("chunks"));
    await expectDamaged(/chunks\.json cannot be read/);
  });

  it("lexical.json replaced by {}", async () => {
    await fs.writeFile(file("lexical"), "{}");
    await expectDamaged(/lexical\.json does not match its checksum/);
  });

  it("units.json with every offset shifted by 7", async () => {
    await editJson("units", (units: { start: number; end: number }[]) => units.map((u) => ({ ...u, start: u.start + 7, end: u.end + 7 })));
    await expectDamaged(/units\.json does not match its checksum/);
  });

  it("garbage in vectors.f32, same size", async () => {
    const size = (await fs.stat(file("vectors"))).size;
    await fs.writeFile(file("vectors"), Buffer.alloc(size, "garbage"));
    await expectDamaged(/vectors\.f32 does not match its checksum/);
  });

  it("a manifest that is not JSON", async () => {
    await fs.writeFile(file("manifest"), '{"format": 2, "files": \u0000garbage');
    await expectDamaged(/manifest\.json cannot be read/);
  });

  it("an index of an older format asks for a rebuild", async () => {
    await editJson("manifest", (m: object) => ({ ...m, format: 1 }));
    const error = await refusal();
    expect(error).toMatchObject({ code: "index_incompatible", message: expect.stringMatching(/another version.*npm run ingest/) });
  });
});

describe("edits that keep the checksums right are still caught", () => {
  it("lexical.json replaced by {}", async () => {
    await fs.writeFile(file("lexical"), "{}");
    await rewriteChecksum("lexical");
    await expectDamaged(/lexical\.json has an unexpected shape/);
  });

  it("units shifted by 7 past the end of their document", async () => {
    await editJson("units", (units: { start: number; end: number }[]) => units.map((u) => ({ ...u, start: u.start + 7, end: u.end + 7 })));
    await rewriteChecksum("units");
    await expectDamaged(/sentence \d+ does not lie in its document/);
  });

  it("chunks whose offsets do not match their text", async () => {
    await editJson("chunks", (chunks: { start: number }[]) => chunks.map((c) => ({ ...c, start: c.start + 1 })));
    await rewriteChecksum("chunks");
    await expectDamaged(/chunk \d+ does not lie in its document/);
  });

  it("a document whose text is not the text the manifest hashed", async () => {
    await editJson("documents", (docs: { text: string }[]) => docs.map((d) => ({ ...d, text: d.text.replace("1951", "1915") })));
    await rewriteChecksum("documents");
    await expectDamaged(/document \d+ does not match the manifest/);
  });

  it("vectors that are not numbers", async () => {
    const bytes = await fs.readFile(file("vectors"));
    bytes.writeFloatLE(Number.NaN, 8);
    await fs.writeFile(file("vectors"), bytes);
    await rewriteChecksum("vectors");
    await expectDamaged(/not numbers/);
  });

  it("a word index that points past the chunks", async () => {
    await editJson("lexical", (lexical: { postings: Record<string, number[]> }) => ({ ...lexical, postings: { ...lexical.postings, nato: [999, 1] } }));
    await rewriteChecksum("lexical");
    await expectDamaged(/word index points outside the chunks/);
  });

  it("readIndexData (ingest's reuse of vectors) applies the same checks", async () => {
    await editJson("units", (units: { start: number; end: number }[]) => units.map((u) => ({ ...u, end: u.end + 1000 })));
    await rewriteChecksum("units");
    await expect(readIndexData(data)).rejects.toMatchObject({ code: "index_incompatible" });
  });
});
