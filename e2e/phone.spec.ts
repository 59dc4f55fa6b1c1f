import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { ask, expectLayoutIntact, gotoChat, openCitationShowing, snap, waitForAnswer } from "./helpers";

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
  await expectNoAxeViolations(page, "the empty chat at phone width");

  await ask(page, "Where is NATO's main headquarters?");
  const answer = await waitForAnswer(page);
  await expect(answer.locator(".answer-text")).toContainText("Brussels");
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  const box = await page.getByRole("textbox", { name: /your question/i }).boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(812);
  await snap(page, "phone-light-answer");

  // Tapping a chip opens the document over the whole screen.
  const closeSheet = async (sheet: Locator) => {
    await sheet.getByRole("button", { name: "Close source" }).tap();
    await expect(sheet).toBeHidden();
  };
  const panel = await openCitationShowing(page, answer, /main headquarters are in Brussels/i, (chip) => chip.tap(), closeSheet);
  expect(panel, "some citation's <mark> contains the support text").not.toBeNull();
  const rect = await panel!.boundingBox();
  expect(rect?.width).toBe(375);
  expect(rect?.x).toBe(0);
  await expect(panel!.locator("mark")).toBeInViewport();
  const overflow = await panel!.locator(".panel-body").evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await expectLayoutIntact(page);
  await snap(page, "phone-light-source-panel");
  await expectNoAxeViolations(page, "the source as a full-screen sheet");
  await closeSheet(panel!);
});
