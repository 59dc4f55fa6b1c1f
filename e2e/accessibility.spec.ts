import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { answerStream, ask, gotoChat, UI_STREAM_HEADERS, waitForAnswer } from "./helpers";

/**
 * axe-core on every page and state the app has, in both colour schemes: the empty chat, an answer, a
 * citation's preview, the source panel (loaded and failed), the Check page with results, the
 * documents pages, and a 404.
 */

const MOCK_CITATION = {
  chunkId: "mock-doc#1",
  docId: "mock-doc",
  title: "A mock NATO page",
  source: "https://www.example.org/nato",
  publishedAt: "2024-03-04",
  text: "NATO's main headquarters are in Brussels, Belgium.",
  start: 0,
  end: 50,
  score: 1,
  n: 1,
};

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test("the chat: empty, answered, a citation previewed, the source panel open", async ({ page }) => {
      await gotoChat(page);
      await expect(page.getByRole("list", { name: "Example questions" })).toBeVisible();
      await expectNoAxeViolations(page, "the empty chat");

      await ask(page, "Where is NATO's main headquarters?");
      const answer = await waitForAnswer(page);
      await expectNoAxeViolations(page, "an answer with its sources");

      const chip = answer.locator("[data-citation]").first();
      await chip.hover();
      await expect(page.getByRole("tooltip")).toBeVisible();
      await expectNoAxeViolations(page, "a citation's preview");

      await chip.click();
      await expect(page.getByRole("dialog").locator("mark")).toBeVisible();
      await expectNoAxeViolations(page, "the source panel");
    });

    test("an answer with an unsupported sentence, and a source that cannot be loaded", async ({ page }) => {
      const text = "NATO's main headquarters are in Brussels [1]. The moon is made of cheese [1].";
      const sentences = [
        { text: "NATO's main headquarters are in Brussels [1].", citations: [1], supported: true },
        { text: "The moon is made of cheese [1].", citations: [1], supported: false },
      ];
      const stream = answerStream({ text, citations: [MOCK_CITATION], answer: { answered: true, model: "extractive", sentences } });
      await page.route("**/api/chat", (route) => route.fulfill({ status: 200, headers: UI_STREAM_HEADERS, body: stream }));
      await page.route("**/api/documents/mock-doc", (route) => route.abort("connectionrefused"));
      await gotoChat(page);
      await ask(page, "Where is NATO's main headquarters?");
      const answer = await waitForAnswer(page);
      await expect(answer.getByTestId("unsupported-legend")).toBeVisible();
      await expectNoAxeViolations(page, "an answer with an unsupported sentence");

      await answer.locator("[data-citation]").first().click();
      await expect(page.getByRole("dialog").getByRole("alert")).toBeVisible();
      await expectNoAxeViolations(page, "the source panel when the server is down");
    });

    test("the Check page with results and evidence open", async ({ page }) => {
      await page.goto("/check");
      await expect(page.locator('.app[data-hydrated="true"]')).toBeAttached();
      await expectNoAxeViolations(page, "the empty Check page");

      await page
        .getByRole("textbox", { name: "Text to check" })
        .fill("NATO's main headquarters are in Brussels. The North Atlantic Treaty was signed in 1959. NATO runs a station on the Moon.");
      await page.getByRole("button", { name: "Check", exact: true }).click();
      await expect(page.getByTestId("check-counts")).toBeVisible({ timeout: 45_000 });
      await expectNoAxeViolations(page, "the Check page's results");

      await page.getByRole("button", { name: "NATO's main headquarters are in Brussels.", exact: true }).click();
      await expect(page.getByRole("dialog").locator("mark")).toBeVisible();
      await expectNoAxeViolations(page, "the Check page's evidence");
    });

    test("the documents: the library, a document with a shared passage highlighted, an unknown document", async ({ page }) => {
      await page.goto("/documents");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page, "the documents page");

      const text: string = (await (await page.request.get("/api/documents/wikipedia-nato")).json()).text;
      const start = text.indexOf("NATO's main headquarters");
      await page.goto(`/documents/wikipedia-nato#${start}-${start + 40}`);
      await expect(page.locator(".document-text mark")).toBeInViewport();
      await expectNoAxeViolations(page, "a document with a highlighted passage");

      expect((await page.goto("/documents/no-such-document"))?.status()).toBe(404);
      await expectNoAxeViolations(page, "an unknown document");
    });

    test("the page for an unknown address", async ({ page }) => {
      const response = await page.goto("/no-such-page");
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      await expectNoAxeViolations(page, "the 404 page");
      await page.getByRole("link", { name: "Back to the chat" }).click();
      await expect(page.getByRole("heading", { name: "NATO Docs Q&A" })).toBeVisible();
    });
  });
}
