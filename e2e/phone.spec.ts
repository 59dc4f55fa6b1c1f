import { expect, test, type Page } from "@playwright/test";
import { ask, collapse, expectLayoutIntact, gotoChat, snap, waitForAnswer } from "./helpers";

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test("works at phone width: examples, a cited answer, and the source as a full-screen sheet", async ({ page }) => {
  await gotoChat(page);
  await expect(page.getByRole("heading", { name: "NATO Docs Q&A" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New chat" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Example questions" })).toBeVisible();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await snap(page, "phone-light-empty");

  await ask(page, "Where is NATO's main headquarters?");
  const answer = await waitForAnswer(page);
  await expect(answer.locator(".answer-text")).toContainText("Brussels");
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  const box = await page.getByRole("textbox", { name: /your question/i }).boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(812);
  await snap(page, "phone-light-answer");

  // Tapping a chip opens the document over the whole screen.
  const chips = answer.locator("[data-citation]");
  const count = await chips.count();
  expect(count).toBeGreaterThan(0);
  const panel = page.getByRole("dialog");
  let found = false;
  for (let i = 0; i < count && !found; i++) {
    await chips.nth(i).tap();
    await expect(panel).toBeVisible();
    const mark = panel.locator("mark");
    if (/main headquarters are in Brussels/i.test(collapse((await mark.textContent()) ?? ""))) {
      found = true;
      const rect = await panel.boundingBox();
      expect(rect?.width).toBe(375);
      expect(rect?.x).toBe(0);
      await expect(mark).toBeInViewport();
      const overflow = await panel.locator(".panel-body").evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await expectLayoutIntact(page);
      await snap(page, "phone-light-source-panel");
    }
    await panel.getByRole("button", { name: "Close source" }).tap();
    await expect(panel).toBeHidden();
  }
  expect(found, "some citation's <mark> contains the support text").toBe(true);
});
