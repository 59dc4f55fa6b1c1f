import { expect, test, type Page } from "@playwright/test";
import { answerStream, ask, expectLayoutIntact, gotoChat, snap, UI_STREAM_HEADERS, waitForAnswer } from "./helpers";

/**
 * How answers and documents are drawn, with both routes mocked so that every case is known:
 * text stays text, long single lines wrap, unsupported sentences are marked, dates read well.
 */

const NAV = Array.from({ length: 700 }, (_, i) => `Menu${i}`).join(" "); // one ~5k-char line, like a flattened menu
const DOC_TEXT = [
  "= Mock NATO page =",
  NAV,
  'Some markup that must stay text: <img src=x onerror="window.__injected=1"> <b>not bold</b>',
  "",
  "Headquarters",
  "NATO's main headquarters are in Brussels, Belgium. The building opened in 2017.",
  "",
  "Members",
  "The alliance has 32 member countries.",
  "Closing words.",
].join("\n");

function span(text: string, part: string) {
  const start = DOC_TEXT.indexOf(text);
  const inner = DOC_TEXT.indexOf(part, start);
  if (start < 0 || inner < 0) throw new Error(`not in the mock document: ${part}`);
  return { start, end: start + text.length, quote: { start: inner, end: inner + part.length } };
}

const hq = span(
  "Headquarters\nNATO's main headquarters are in Brussels, Belgium. The building opened in 2017.",
  "NATO's main headquarters are in Brussels, Belgium.",
);
const members = span("Members\nThe alliance has 32 member countries.", "The alliance has 32 member countries.");

const base = { docId: "mock-doc", title: "A mock NATO page", source: "https://www.example.org/nato", score: 1 };
const CITATIONS = [
  {
    ...base,
    n: 1,
    chunkId: "mock-doc#1",
    publishedAt: "2024-03-04",
    text: DOC_TEXT.slice(hq.start, hq.end),
    start: hq.start,
    end: hq.end,
    quote: hq.quote,
    section: ["Mock NATO page", "Headquarters"],
  },
  {
    ...base,
    n: 2,
    chunkId: "mock-doc#2",
    publishedAt: "2024-03-04",
    text: DOC_TEXT.slice(members.start, members.end),
    start: members.start,
    end: members.end,
    quote: members.quote,
  },
];
const TEXT =
  "NATO's main headquarters are in Brussels [1]. It has <b>32</b> members [2]. The moon is made of cheese [1].";

async function mockRoutes(page: Page, stream: string) {
  await page.route("**/api/documents/mock-doc", (route) =>
    route.fulfill({
      contentType: "application/json",
      body: JSON.stringify({
        docId: "mock-doc",
        title: base.title,
        source: base.source,
        publishedAt: "2024-03-04",
        text: DOC_TEXT,
      }),
    }),
  );
  await page.route("**/api/chat", (route) => route.fulfill({ status: 200, headers: UI_STREAM_HEADERS, body: stream }));
}

test("answer text and document text are shown as text; long lines wrap; the quote is marked", async ({ page }) => {
  await mockRoutes(
    page,
    answerStream({
      text: TEXT,
      citations: CITATIONS,
      answer: {
        answered: true,
        model: "extractive",
        sentences: [
          { text: "NATO's main headquarters are in Brussels [1].", citations: [1], supported: true },
          { text: "It has <b>32</b> members [2].", citations: [2], supported: true },
          { text: "The moon is made of cheese [1].", citations: [1], supported: false },
        ],
      },
    }),
  );
  await gotoChat(page);
  await ask(page, "Where is NATO's main headquarters?");
  const answer = await waitForAnswer(page);
  const text = answer.locator(".answer-text");

  // Markup in the answer is text, and each [n] is a chip.
  await expect(text).toContainText("It has <b>32</b> members");
  await expect(text.locator("b")).toHaveCount(0);
  await expect(text.locator("[data-citation]")).toHaveCount(3);
  await expect(text.locator('[data-citation="1"]')).toHaveCount(2);
  await expect(text).not.toContainText("[1]");

  // The unsupported sentence is marked, with an explanation.
  const flagged = text.locator(".unsupported");
  await expect(flagged).toHaveCount(1);
  await expect(flagged).toContainText("The moon is made of cheese");
  await expect(flagged).toHaveAttribute("title", "Not supported by its citations");
  // The legend is visible under the answer, not only in a tooltip.
  const legend = answer.getByTestId("unsupported-legend");
  await expect(legend).toBeVisible();
  await expect(legend).toHaveText(/The underlined sentence is not supported by the passages cited/);

  // Sources: one row per document, with the source's host and a readable date.
  const sources = answer.getByRole("region", { name: "Sources" });
  await expect(sources.getByRole("listitem")).toHaveCount(1);
  await expect(sources).toContainText("A mock NATO page");
  await expect(sources).toContainText("example.org");
  await expect(sources).toContainText("4 Mar 2024");

  // The preview shows the title, source, date, section and passage.
  await text.locator('[data-citation="1"]').first().hover();
  const preview = page.getByRole("tooltip");
  await expect(preview).toContainText("A mock NATO page");
  await expect(preview).toContainText("example.org");
  await expect(preview).toContainText("4 Mar 2024");
  await expect(preview).toContainText("Mock NATO page › Headquarters");
  await expect(preview).toContainText("main headquarters are in Brussels");

  // The panel: document text as text, the passage highlighted, the quote in <mark>, no sideways overflow.
  await text.locator('[data-citation="1"]').first().click();
  const panel = page.getByRole("dialog");
  await expect(panel.getByRole("heading", { name: "A mock NATO page" })).toBeVisible();
  const mark = panel.locator("mark");
  await expect(mark).toHaveText("NATO's main headquarters are in Brussels, Belgium.");
  await expect(mark).toBeInViewport();
  await expect(panel.locator(".passage")).toContainText("The building opened in 2017.");
  await expect(panel.locator(".document-text")).toContainText('<img src=x onerror="window.__injected=1">');
  await expect(panel.locator("img, b")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  const overflow = await panel.locator(".panel-body").evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await expectLayoutIntact(page);
  await snap(page, "desktop-light-mock-panel");

  // Another chip shows its own passage in the same panel.
  await text.locator('[data-citation="2"]').click();
  await expect(mark).toHaveText("The alliance has 32 member countries.");
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
});

test("citations that arrive after the text still make the chips work", async ({ page }) => {
  const chunks: object[] = [
    { type: "start", messageId: "late" },
    { type: "text-start", id: "t" },
    { type: "text-delta", id: "t", delta: "NATO's main headquarters are in Brus" },
    { type: "text-delta", id: "t", delta: "sels [1]." },
    { type: "text-end", id: "t" },
    { type: "source-document", sourceId: "mock-doc#1", mediaType: "text/plain", title: base.title },
    { type: "data-citations", data: [CITATIONS[0]] },
    { type: "data-answer", data: { answered: true, model: "extractive" } },
    { type: "finish" },
  ];
  await mockRoutes(page, [...chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`), "data: [DONE]\n\n"].join(""));
  await gotoChat(page);
  await ask(page, "Where is NATO's main headquarters?");
  const answer = await waitForAnswer(page);
  const chip = answer.locator('[data-citation="1"]');
  await expect(chip).toBeEnabled();
  await chip.click();
  await expect(page.getByRole("dialog").locator("mark")).toHaveText(
    "NATO's main headquarters are in Brussels, Belgium.",
  );
});

test("partial dates are shown as month and year, or year", async ({ page }) => {
  const citations = [
    { ...CITATIONS[0], docId: "a", title: "Doc A", publishedAt: "2024-10", source: "BBC News" },
    { ...CITATIONS[1], docId: "b", title: "Doc B", publishedAt: "2025", source: null },
  ];
  await mockRoutes(
    page,
    answerStream({ text: "One [1]. Two [2].", citations, answer: { answered: true, model: "extractive" } }),
  );
  await gotoChat(page);
  await ask(page, "Dates?");
  const answer = await waitForAnswer(page);
  const items = answer.getByRole("region", { name: "Sources" }).getByRole("listitem");
  await expect(items.nth(0)).toContainText("BBC News");
  await expect(items.nth(0)).toContainText("Oct 2024");
  await expect(items.nth(1)).toContainText("2025");
  // No unsupported sentence, no legend.
  await expect(answer.getByTestId("unsupported-legend")).toHaveCount(0);
});
