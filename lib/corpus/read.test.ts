import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { docIdFor, MAX_DOCUMENT_BYTES, readCorpus } from "./read";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "corpus-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function failure(): Promise<AppError> {
  const error = await readCorpus(dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readCorpus", () => {
  it("reads metadata from corpus.json and falls back to the first heading or the file name", async () => {
    await fs.writeFile(path.join(dir, "a.txt"), "Plain text.");
    await fs.writeFile(path.join(dir, "b.md"), "# Heading Title\nBody.");
    await fs.writeFile(path.join(dir, "my_notes-file.txt"), "No heading here.");
    await fs.writeFile(path.join(dir, "corpus.json"), JSON.stringify({ "a.txt": { title: "A", source: "S", publishedAt: "2024-10" } }));
    const { documents } = await readCorpus(dir);
    const byId = Object.fromEntries(documents.map((d) => [d.docId, d]));
    expect(byId.a).toMatchObject({ title: "A", source: "S", publishedAt: "2024-10", text: "Plain text." });
    expect(byId.b.title).toBe("Heading Title");
    expect(byId["my_notes-file"].title).toBe("my notes file");
  });

  it("refuses an empty corpus", async () => {
    expect((await failure()).message).toMatch(/has no \.txt, \.md, \.html, \.pdf and \.docx documents to ingest/);
  });

  it.each([
    ["empty.txt", new Uint8Array(), /empty\.txt is empty/],
    ["binary.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), /binary\.txt looks binary/],
    ["latin1.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]), /latin1\.txt is not valid UTF-8/],
  ])("names a bad file: %s", async (name, bytes, message) => {
    await fs.writeFile(path.join(dir, "good.txt"), "Fine.");
    await fs.writeFile(path.join(dir, name), bytes);
    expect((await failure()).message).toMatch(message);
  });

  it("with skipBad, lists a bad file with what is wrong and reads the others", async () => {
    await fs.writeFile(path.join(dir, "good.txt"), "Fine.");
    await fs.writeFile(path.join(dir, "broken.pdf"), "%PDF-1.4 truncated");
    const { documents, skipped } = await readCorpus(dir, { skipBad: true });
    expect(documents.map((d) => d.file)).toEqual(["good.txt"]);
    expect(skipped).toEqual([{ file: "broken.pdf", reason: expect.stringMatching(/^it is not a readable PDF/) }]);
    expect((await failure()).message).toMatch(/broken\.pdf is not a readable PDF.*: fix or remove it/);
  });

  it("refuses a very large file without reading it", async () => {
    const big = path.join(dir, "dump.txt");
    const handle = await fs.open(big, "w");
    await handle.truncate(50 * 1024 * 1024); // sparse: 50 MB on paper, nothing on disk
    await handle.close();
    expect((await failure()).message).toMatch(new RegExp(`dump\\.txt is 50\\.0 MB, over the ${MAX_DOCUMENT_BYTES / 1048576} MB limit`));
  });

  it("reports a corpus.json that is not JSON", async () => {
    await fs.writeFile(path.join(dir, "a.txt"), "Text.");
    await fs.writeFile(path.join(dir, "corpus.json"), "{ nope");
    expect((await failure()).message).toMatch(/corpus\.json is not valid JSON/);
  });
});

describe("readCorpus and entries that are not documents", () => {
  it("skips links, folders, FIFOs and other files, each named with the reason, and follows no link", async () => {
    await fs.writeFile(path.join(dir, "good.txt"), "Fine.");
    await fs.writeFile(path.join(dir, "image.png"), "png");
    await fs.symlink("/etc/passwd", path.join(dir, "passwd.txt"));
    await fs.symlink(path.join(dir, "gone.txt"), path.join(dir, "dangling.md"));
    await fs.mkdir(path.join(dir, "sub"));
    await fs.writeFile(path.join(dir, "sub", "inner.txt"), "Inner.");
    await fs.symlink(path.join(dir, "sub"), path.join(dir, "folder-link.txt"));
    await fs.symlink(path.join(dir, "good.txt"), path.join(dir, "alias.txt"));
    await fs.mkdir(path.join(dir, "notes.md"));
    expect(spawnSync("mkfifo", [path.join(dir, "pipe.txt")]).status).toBe(0);

    const { documents, skipped } = await readCorpus(dir);
    expect(documents.map((d) => d.file)).toEqual(["good.txt"]);
    const link = /symbolic link, and links are not followed/;
    expect(skipped).toEqual([
      { file: "alias.txt", reason: expect.stringMatching(link) },
      { file: "dangling.md", reason: expect.stringMatching(link) },
      { file: "folder-link.txt", reason: expect.stringMatching(link) },
      { file: "image.png", reason: "only .txt, .md, .html, .pdf and .docx files are ingested" },
      { file: "notes.md", reason: expect.stringMatching(/is a folder/) },
      { file: "passwd.txt", reason: expect.stringMatching(link) },
      { file: "pipe.txt", reason: expect.stringMatching(/not a regular file \(a FIFO/) },
      { file: "sub", reason: expect.stringMatching(/is a folder/) },
    ]);
  });

  it("refuses a corpus.json that is a link", async () => {
    await fs.writeFile(path.join(dir, "a.txt"), "Text.");
    await fs.symlink("/etc/passwd", path.join(dir, "corpus.json"));
    expect((await failure()).message).toMatch(/corpus\.json is a symbolic link/);
  });
});

describe("docIdFor", () => {
  it("derives a URL-safe id from the file name", () => {
    expect(docIdFor("Wikipedia NATO.txt")).toBe("wikipedia-nato");
    expect(docIdFor("Kuçova base.md")).toBe("kucova-base");
  });
});
