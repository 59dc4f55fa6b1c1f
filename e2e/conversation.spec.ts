import { expect, test, type Page } from "@playwright/test";
import { SAVED_CHAT_KEY } from "@/components/chat/saved-chat";
import { ask, assistantMessages, gotoChat, lastAnswer, waitForAnswer } from "./helpers";

/** The conversation is kept in the browser across reloads, until "New chat". */

const saved = (page: Page) => page.evaluate((key) => localStorage.getItem(key), SAVED_CHAT_KEY);

async function reloadChat(page: Page): Promise<void> {
  await page.reload();
  await expect(page.locator('.app[data-hydrated="true"]')).toBeAttached();
}

test("a reload keeps the conversation, its citations open, a follow-up works; New chat clears it", async ({ page }) => {
  await gotoChat(page);
  await ask(page, "Where is NATO's main headquarters?");
  const answer = await waitForAnswer(page);
  const answerText = await answer.locator(".answer-text").textContent();
  const chipCount = await answer.locator("[data-citation]").count();
  expect(chipCount).toBeGreaterThan(0);

  await reloadChat(page);
  await expect(page.locator('.message[data-role="user"]')).toHaveText(/Where is NATO's main headquarters\?/);
  const restored = lastAnswer(page);
  await expect(restored.locator(".answer-text")).toHaveText(answerText ?? "");
  await expect(restored.locator("[data-citation]")).toHaveCount(chipCount);
  await expect(restored.getByRole("region", { name: "Sources" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Example questions" })).toHaveCount(0);

  // A restored citation opens its document at the passage.
  await restored.locator("[data-citation]").first().click();
  const panel = page.getByRole("dialog");
  await expect(panel.locator("mark")).toBeInViewport();
  await panel.getByRole("button", { name: "Close source" }).click();

  // The server takes the restored conversation as history.
  await ask(page, "When did Spain join the alliance?");
  await expect(lastAnswer(page).locator(".answer-text")).toContainText("1982", { timeout: 45_000 });
  await waitForAnswer(page);
  await expect(assistantMessages(page)).toHaveCount(2);

  await page.getByRole("button", { name: "New chat" }).click();
  await expect(page.locator(".message")).toHaveCount(0);
  await expect.poll(() => saved(page)).toBeNull();
  await reloadChat(page);
  await expect(page.getByRole("list", { name: "Example questions" })).toBeVisible();
  await expect(page.locator(".message")).toHaveCount(0);
});

test("a saved conversation that cannot be read is dropped: the chat starts afresh", async ({ page }) => {
  await gotoChat(page);
  await page.evaluate((key) => localStorage.setItem(key, '{"messages": [{"role": "nobody"}], "stoppedIds": []}'), SAVED_CHAT_KEY);
  await reloadChat(page);
  await expect(page.getByRole("list", { name: "Example questions" })).toBeVisible();
  await expect(page.locator(".message")).toHaveCount(0);
  expect(await saved(page)).toBeNull();
});
