import { expect, test } from "@playwright/test";
import { ask, expectLayoutIntact, gotoChat, snap, waitForAnswer } from "./helpers";

const background = (page: import("@playwright/test").Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** Relative luminance of an "rgb(r, g, b)" colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ["0", "0", "0"]).slice(0, 3).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

test.describe("light theme", () => {
  test.use({ colorScheme: "light" });
  test("follows a light system setting", async ({ page }) => {
    await gotoChat(page);
    expect(luminance(await background(page))).toBeGreaterThan(0.9);
  });
});

test.describe("dark theme", () => {
  test.use({ colorScheme: "dark" });
  test("follows a dark system setting, answer and source panel included", async ({ page }) => {
    await gotoChat(page);
    expect(luminance(await background(page))).toBeLessThan(0.15);
    await snap(page, "desktop-dark-empty");

    await ask(page, "Where is NATO's main headquarters?");
    const answer = await waitForAnswer(page);
    await expect(answer.locator(".answer-text")).toContainText("Brussels");
    await snap(page, "desktop-dark-answer");

    await answer.locator("[data-citation]").first().click();
    await expect(page.getByRole("dialog").locator("mark")).toBeInViewport();
    await expectLayoutIntact(page);
    await snap(page, "desktop-dark-source-panel");
  });
});
