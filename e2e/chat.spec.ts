import { expect, test } from "@playwright/test";
import {
  ask,
  assistantMessages,
  composer,
  expectLayoutIntact,
  gotoChat,
  lastAnswer,
  openCitationShowing,
  sendButton,
  snap,
  waitForAnswer,
} from "./helpers";

test.describe("chat against the real server", () => {
  test.beforeEach(async ({ page }) => {
    await gotoChat(page);
    await expect(page.getByRole("heading", { name: "NATO Docs Q&A" })).toBeVisible();
  });

  test("the empty screen offers example questions", async ({ page }) => {
    const examples = page.getByRole("list", { name: "Example questions" }).getByRole("button");
    await expect(examples.first()).toBeVisible();
    expect(await examples.count()).toBeGreaterThanOrEqual(3);
    await expect(sendButton(page)).toBeDisabled();
    await snap(page, "desktop-light-empty");

    // An example question is asked with one click.
    await examples.filter({ hasText: "headquarters" }).click();
    const answer = await waitForAnswer(page);
    await expect(answer.locator(".answer-text")).toContainText("Brussels");
  });

  test("a question gets a streamed answer with citation chips and its sources", async ({ page }) => {
    await ask(page, "Where is NATO's main headquarters?");
    await expect(page.locator('.message[data-role="user"]')).toContainText("Where is NATO's main headquarters?");
    const answer = await waitForAnswer(page);

    await expect(answer.locator(".answer-text")).toContainText("Brussels");
    const chips = answer.locator("[data-citation]");
    expect(await chips.count()).toBeGreaterThan(0);
    await expect(chips.first()).toHaveText(/^\d+$/);
    await expect(chips.first()).toHaveAccessibleName(/^Citation \d+: .+/);

    // Sources under the answer: title, and source / date.
    const sources = answer.getByRole("region", { name: "Sources" });
    await expect(sources).toBeVisible();
    await expect(sources.getByRole("listitem").first()).toBeVisible();
    await expect(sources.locator(".source-meta").first()).not.toBeEmpty();
    await expect(answer.getByTestId("not-covered")).toHaveCount(0);

    // Hovering a chip previews the passage.
    await chips.first().hover();
    const preview = page.getByRole("tooltip");
    await expect(preview).toBeVisible();
    await expect(preview.locator(".citation-preview-title")).not.toBeEmpty();
    await expect(preview.locator(".citation-preview-text")).not.toBeEmpty();
    await snap(page, "desktop-light-answer-preview");
    await page.mouse.move(5, 400);
    await expect(preview).toBeHidden();
    await snap(page, "desktop-light-answer");
  });

  test("a citation opens the document with the supporting text in a <mark>, scrolled into view", async ({ page }) => {
    await ask(page, "Where is NATO's main headquarters?");
    const answer = await waitForAnswer(page);
    const panel = await openCitationShowing(page, answer, /main headquarters are in Brussels/i, (chip) => chip.click());
    expect(panel, "some citation's <mark> contains the support text").not.toBeNull();
    await expect(panel!.locator("mark")).toBeInViewport();
    // The mark sits inside the highlighted passage.
    await expect(panel!.locator(".passage mark")).toHaveCount(1);
    await expect(panel!.getByRole("heading", { level: 2 })).not.toBeEmpty();
    // Long lines wrap: nothing overflows sideways.
    const overflow = await panel!.locator(".panel-body").evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await expectLayoutIntact(page);
    await snap(page, "desktop-light-source-panel");

    // Esc closes the panel and gives focus back to the chip that opened it.
    await page.keyboard.press("Escape");
    await expect(panel!).toBeHidden();
    await expect(page.locator("[data-citation]:focus")).toHaveCount(1);
  });

  test("keyboard: a focused chip previews its passage, Enter opens it, the close button closes it", async ({ page }) => {
    await ask(page, "When did Spain join the alliance?");
    const answer = await waitForAnswer(page);
    await expect(answer.locator(".answer-text")).toContainText("1982");

    const chip = answer.locator("[data-citation]").first();
    await chip.focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    await expect(chip).toBeFocused();
    await expect(page.getByRole("tooltip")).toBeVisible();
    await page.keyboard.press("Enter");
    const panel = page.getByRole("dialog");
    await expect(panel).toBeVisible();
    await expect(panel.getByRole("button", { name: "Close source" })).toBeFocused();
    await expect(panel.locator("mark")).toBeInViewport();
    await panel.getByRole("button", { name: "Close source" }).click();
    await expect(panel).toBeHidden();
  });

  test("an out-of-scope question says the documents do not cover it", async ({ page }) => {
    await ask(page, "What will the weather be like in Paris tomorrow?");
    const answer = await waitForAnswer(page);
    const note = answer.getByTestId("not-covered");
    await expect(note).toBeVisible();
    await expect(note).toContainText(/not covered/i);
    await expect(answer.locator("[data-citation]")).toHaveCount(0);
    await snap(page, "desktop-light-not-covered");
  });

  test("a follow-up keeps the conversation, and New chat clears it", async ({ page }) => {
    await ask(page, "When did Finland join NATO?");
    const first = await waitForAnswer(page);
    await expect(first.locator(".answer-text")).toContainText("2023");

    await ask(page, "and Sweden?");
    await waitForAnswer(page);
    await expect(assistantMessages(page)).toHaveCount(2);
    await expect(page.locator('.message[data-role="user"]')).toHaveCount(2);
    const second = lastAnswer(page).locator(".answer-text");
    await expect(second).toContainText("Sweden");
    await expect(second).toContainText("2024");
    await snap(page, "desktop-light-follow-up");

    await page.getByRole("button", { name: "New chat" }).click();
    await expect(page.locator(".message")).toHaveCount(0);
    await expect(page.getByRole("list", { name: "Example questions" })).toBeVisible();
    await expect(composer(page)).toBeFocused();
  });

  test("Shift+Enter makes a new line and Enter sends", async ({ page }) => {
    const box = composer(page);
    await box.click();
    await box.pressSequentially("Where is NATO's");
    await box.press("Shift+Enter");
    await box.pressSequentially("main headquarters?");
    await expect(box).toHaveValue("Where is NATO's\nmain headquarters?");
    await expect(page.locator(".message")).toHaveCount(0);
    await box.press("Enter");
    await expect(box).toHaveValue("");
    await expect(page.locator('.message[data-role="user"]')).toHaveCount(1);
    await waitForAnswer(page);
  });
});
