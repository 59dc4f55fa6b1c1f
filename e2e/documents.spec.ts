import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ask, collapse, gotoChat, waitForAnswer } from "./helpers";
import { OTHER_COLLECTION } from "./other-collection";

type Listed = { docId: string; title: string; source: string | null; publishedAt: string | null; format: string; bytes: number; chunks: number };

/** The documents of the shipped corpus folder, however many there are. */
const CORPUS_FILES = fs.readdirSync("corpus").filter((f) => /\.(txt|md)$/.test(f));
const CORPUS_TITLES: Record<string, { title?: string }> = JSON.parse(fs.readFileSync(path.join("corpus", "corpus.json"), "utf8"));

async function documentText(page: Page, docId: string): Promise<string> {
  return (await (await page.request.get(`/api/documents/${docId}`)).json()).text;
}

/** The text of every <mark> on the page, whitespace removed: what a span across blocks shows. */
async function markedText(page: Page): Promise<string> {
  return (await page.locator(".document-text mark").allTextContents()).join("").replace(/\s+/g, "");
}

test("the documents page lists every document with its source, date, format, size and chunks", async ({ page }) => {
  const listed: { builtAt: string; documents: Listed[] } = await (await page.request.get("/api/documents")).json();
  expect(listed.documents).toHaveLength(CORPUS_FILES.length);

  await page.goto("/documents");
  await expect(page.getByRole("heading", { level: 1, name: "Documents" })).toBeVisible();
  await expect(page.getByTestId("index-summary")).toContainText(`${CORPUS_FILES.length} documents, indexed`);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(CORPUS_FILES.length);
  for (const file of CORPUS_FILES) {
    const title = CORPUS_TITLES[file]?.title;
    if (title) await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
  }
  for (const doc of listed.documents) {
    const row = page.locator(`tr[data-doc-id="${doc.docId}"]`);
    await expect(row.getByRole("link", { name: doc.title, exact: true })).toHaveAttribute("href", `/documents/${doc.docId}`);
    await expect(row.locator("td.format")).toHaveText(doc.format.toUpperCase());
    await expect(row.locator("td.numeric").last()).toHaveText(String(doc.chunks));
    await expect(row.locator("td.numeric").first()).toHaveText(/^\d+(\.\d)? (B|KB|MB)$/);
    if (doc.publishedAt) await expect(row.locator("time")).toHaveAttribute("datetime", doc.publishedAt);
  }
});

test("a document opens whole, with its headings, paragraphs, lists and infobox table", async ({ page }) => {
  await page.goto("/documents");
  await page.getByRole("link", { name: "NATO (Wikipedia)" }).click();
  await expect(page).toHaveURL(/\/documents\/wikipedia-nato$/);
  await expect(page.getByRole("heading", { level: 1, name: "NATO (Wikipedia)" })).toBeVisible();
  const text = page.locator(".document-text");
  await expect(text.getByRole("heading", { name: "History", exact: true })).toBeVisible();
  await expect(text.getByRole("heading", { name: "21st century" })).toBeVisible();
  await expect(text.getByRole("rowheader", { name: "Headquarters" })).toBeVisible();
  await expect(text.getByRole("row", { name: /Headquarters/ }).getByRole("cell")).toHaveText("Brussels, Belgium");
  // Wiki markup is not shown.
  await expect(text).not.toContainText("==");
});

test("a shared #start-end link scrolls to that span and highlights exactly it", async ({ page }) => {
  const text = await documentText(page, "wikipedia-nato");
  const sentence = "NATO's main headquarters are in Brussels, Belgium";
  const start = text.indexOf(sentence);
  expect(start).toBeGreaterThan(1000);
  await page.goto(`/documents/wikipedia-nato#${start}-${start + sentence.length}`);
  const mark = page.locator(".document-text mark");
  await expect(mark).toHaveText(sentence);
  await expect(mark).toBeInViewport();

  // A span across blocks (the end of one paragraph, a heading, the start of the next) is marked in each, and only it.
  const heading = text.indexOf("==History==");
  const from = heading - 40;
  const to = heading + 60;
  await page.goto(`/documents/wikipedia-nato#${from}-${to}`);
  await expect(page.locator(".document-text mark").first()).toBeInViewport();
  expect(await markedText(page)).toBe(text.slice(from, to).replace(/==+/g, "").replace(/\s+/g, ""));
});

test("a link to no passage of the document shows it whole and says so", async ({ page }) => {
  await page.goto("/documents/wikipedia-nato#999999990-999999999");
  await expect(page.getByRole("note")).toContainText("not in this document");
  await expect(page.locator(".document-text mark")).toHaveCount(0);
});

test("an unknown document is a 404 page with the way back to the library", async ({ page }) => {
  for (const id of ["no-such-document", "Not.A.Doc"]) {
    const response = await page.goto(`/documents/${id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Document not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "See all documents" })).toHaveAttribute("href", "/documents");
  }
});

test.describe("the source panel's passage link", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("copies the absolute link to the cited passage, which opens it highlighted", async ({ page, baseURL }) => {
    await gotoChat(page);
    await page.getByRole("link", { name: "Documents" }).waitFor();
    await ask(page, "Where is NATO's main headquarters?");
    const answer = await waitForAnswer(page);
    await answer.locator("[data-citation]").first().click();
    const panel = page.getByRole("dialog");
    const passage = collapse((await panel.locator(".passage").textContent()) ?? "")
      .replace(/^Start of cited passage \d+\. /, "")
      .replace(/ End of cited passage \d+\.$/, "");

    const copy = panel.getByRole("button", { name: "Copy link" });
    await copy.click();
    await expect(panel.getByRole("status")).toHaveText("Link copied.");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${baseURL}${await copy.getAttribute("data-href")}`);
    expect(copied).toMatch(/\/documents\/[a-z0-9_-]+#\d+-\d+$/);
    await expect(panel.getByRole("link", { name: /Open in the library/ })).toHaveAttribute("href", copied.slice(baseURL!.length));

    await page.goto(copied);
    await expect(page.locator(".document-text mark").first()).toBeInViewport();
    const [, docId, s, e] = /documents\/([^#]+)#(\d+)-(\d+)/.exec(copied)!;
    const text = await documentText(page, docId);
    expect(await markedText(page)).toBe(text.slice(Number(s), Number(e)).replace(/^=+|=+$/gm, "").replace(/\s+/g, ""));
    // What the panel highlighted is what the link highlights (the panel's passage, blocks and all, contains it).
    expect(passage.replace(/\s+/g, "")).toContain(await markedText(page));
  });
});

test.describe("a collection about something else", () => {
  test.use({ baseURL: OTHER_COLLECTION.url });

  test("no page says NATO: chat, check and documents use the collection's own or neutral wording", async ({ page }) => {
    for (const route of ["/", "/check", "/documents", "/documents/honey-bees", "/documents/nothing-here", "/no-such-page"]) {
      await page.goto(route);
      await expect(page.locator("body")).not.toBeEmpty();
      expect(await page.locator("body").innerText(), route).not.toMatch(/nato/i);
      expect(await page.title(), route).not.toMatch(/nato/i);
      expect(await page.locator('meta[name="description"]').getAttribute("content"), route).not.toMatch(/nato/i);
    }
  });

  test("lists its own documents and renders Markdown structure", async ({ page }) => {
    await page.goto("/documents");
    await expect(page.locator("tbody tr")).toHaveCount(2);
    await expect(page.getByTestId("index-summary")).toContainText("2 documents");
    await page.getByRole("link", { name: "Honey bees" }).click();
    const text = page.locator(".document-text");
    await expect(text.getByRole("heading", { name: "The queen" })).toBeVisible();
    await expect(text.getByRole("listitem")).toHaveCount(4);
    // Hard-wrapped lines read as one paragraph, as the browser lays it out.
    expect(await text.locator("p").first().innerText()).toBe(
      "A honey bee colony has one queen, a few hundred drones and thousands of workers. In summer a worker lives about six weeks; workers born in autumn survive the winter.",
    );
  });

  test("the chat offers no NATO examples, and points to the documents instead", async ({ page }) => {
    await gotoChat(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Documents Q&A");
    await expect(page.getByRole("list", { name: "Example questions" })).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("link", { name: "Browse the documents" })).toHaveAttribute("href", "/documents");
    await expect(page.getByRole("textbox", { name: "Your question about the documents" })).toHaveAttribute("placeholder", "Ask a question…");
  });
});
