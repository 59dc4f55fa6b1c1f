import { expect, test } from "@playwright/test";
import {
  ask,
  chatError,
  composer,
  gotoChat,
  installStallingChatStream,
  lastAnswer,
  sendButton,
  snap,
  stopButton,
} from "./helpers";

test("the stop button ends a streaming answer and keeps what arrived", async ({ page }) => {
  // The real answerer is too fast to catch mid-stream: this stream sends a few words, then waits until stopped.
  await installStallingChatStream(page);
  await gotoChat(page);

  await ask(page, "Where is NATO's main headquarters?");
  const stop = stopButton(page);
  await expect(stop).toBeVisible();
  await expect(sendButton(page)).toHaveCount(0);
  await expect(lastAnswer(page).locator(".answer-text")).toContainText("Brussels");
  await expect(lastAnswer(page)).toHaveAttribute("aria-busy", "true");
  await snap(page, "desktop-light-streaming");

  await stop.click();
  await expect(stop).toBeHidden();
  await expect(sendButton(page)).toBeVisible();
  await expect(lastAnswer(page)).not.toHaveAttribute("aria-busy", "true");
  await expect(lastAnswer(page).locator(".answer-text")).toContainText("main headquarters are in Brussels");
  await expect(lastAnswer(page).getByText(/stopped/i)).toBeVisible();
  await expect(chatError(page)).toHaveCount(0);

  // Text that arrives no longer: the answer stays as it was.
  const text = await lastAnswer(page).locator(".answer-text").textContent();
  await page.waitForTimeout(600);
  await expect(lastAnswer(page).locator(".answer-text")).toHaveText(text ?? "");

  // The chat is usable again.
  await composer(page).fill("When did Spain join the alliance?");
  await expect(sendButton(page)).toBeEnabled();
});
