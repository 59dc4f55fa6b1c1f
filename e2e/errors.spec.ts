import { expect, test } from "@playwright/test";
import { ask, chatError, gotoChat, snap, waitForAnswer } from "./helpers";

const json = (status: number, code: string, message: string) => ({
  status,
  contentType: "application/json",
  body: JSON.stringify({ error: { code, message } }),
});

test.describe("errors appear in the conversation, with a retry", () => {
  test("a 500 shows a message; Retry asks again and gets the answer", async ({ page }) => {
    let failures = 0;
    await page.route("**/api/chat", async (route) => {
      if (failures++ === 0) {
        await route.fulfill(json(500, "internal", "Something went wrong on the server. Please try again."));
      } else {
        await route.continue();
      }
    });
    await gotoChat(page);
    await ask(page, "Where is NATO's main headquarters?");

    const alert = chatError(page);
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("The server could not answer");
    await expect(alert).toContainText("Something went wrong on the server. Please try again.");
    // The question stays in the conversation; the page is not blank.
    await expect(page.locator('.message[data-role="user"]')).toContainText("headquarters");
    await snap(page, "desktop-light-error-500");

    await alert.getByRole("button", { name: "Retry" }).click();
    const answer = await waitForAnswer(page);
    await expect(answer.locator(".answer-text")).toContainText("Brussels");
    await expect(chatError(page)).toHaveCount(0);
    expect(failures).toBe(2);
  });

  test("a 429 says to slow down", async ({ page }) => {
    await page.route("**/api/chat", (route) =>
      route.fulfill(json(429, "rate_limited", "Too many requests. Try again in a few seconds.")),
    );
    await gotoChat(page);
    await ask(page, "When did Spain join the alliance?");
    const alert = chatError(page);
    await expect(alert).toContainText("Too many questions");
    await expect(alert).toContainText("Try again in a few seconds");
    await expect(alert.getByRole("button", { name: "Retry" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Send question" })).toBeVisible();
  });

  test("a server that cannot be reached is reported, and the chat recovers", async ({ page }) => {
    await page.route("**/api/chat", (route) => route.abort("connectionrefused"));
    await gotoChat(page);
    await ask(page, "When did Spain join the alliance?");
    const alert = chatError(page);
    await expect(alert).toContainText("Can't reach the server");

    await page.unroute("**/api/chat");
    await alert.getByRole("button", { name: "Retry" }).click();
    const answer = await waitForAnswer(page);
    await expect(answer.locator(".answer-text")).toContainText("1982");
  });

  test("an error in the middle of the stream is shown too", async ({ page }) => {
    await page.route("**/api/chat", (route) =>
      route.fulfill({
        status: 200,
        headers: { "content-type": "text/event-stream", "x-vercel-ai-ui-message-stream": "v1" },
        body: [
          { type: "start", messageId: "m" },
          { type: "text-start", id: "t" },
          { type: "text-delta", id: "t", delta: "NATO's main" },
          { type: "error", errorText: "The answerer failed." },
        ]
          .map((c) => `data: ${JSON.stringify(c)}\n\n`)
          .join(""),
      }),
    );
    await gotoChat(page);
    await ask(page, "Where is NATO's main headquarters?");
    await expect(chatError(page)).toContainText("The answerer failed.");
  });
});
