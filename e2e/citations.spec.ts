import { expect, test } from "@playwright/test";
import { ask, gotoChat, waitForAnswer } from "./helpers";

/** Citation previews give way to Escape, and a passage that cannot be loaded says why in plain words. */

test("Escape closes a preview, shown by hover or by focus; closing the panel gives focus back without one", async ({ page }) => {
  await gotoChat(page);
  await ask(page, "Where is NATO's main headquarters?");
  const answer = await waitForAnswer(page);
  const chip = answer.locator("[data-citation]").first();
  const preview = page.getByRole("tooltip");

  // Shown by hovering: Escape closes it although focus is elsewhere, and the pointer has not moved.
  await chip.hover();
  await expect(preview).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(preview).toBeHidden();

  // Shown by keyboard focus: Escape closes it and the chip keeps focus.
  await chip.focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(preview).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(preview).toBeHidden();
  await expect(chip).toBeFocused();

  // Escape closes the panel; the chip gets focus back, with no preview covering what follows it.
  await page.keyboard.press("Enter");
  const panel = page.getByRole("dialog");
  await expect(panel.locator("mark")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(chip).toBeFocused();
  await expect(preview).toHaveCount(0);
  // What the preview used to cover can be clicked.
  await answer.getByRole("region", { name: "Sources" }).getByRole("button").first().click({ timeout: 5_000 });
  await expect(panel).toBeVisible();
});

test("a citation opened while the server is down says so, and Try again loads it", async ({ page }) => {
  await gotoChat(page);
  await ask(page, "Where is NATO's main headquarters?");
  const answer = await waitForAnswer(page);

  await page.route("**/api/documents/**", (route) => route.abort("connectionrefused"));
  await answer.locator("[data-citation]").first().click();
  const alert = page.getByRole("dialog").getByRole("alert");
  await expect(alert).toContainText("Could not load the passage: the server is not reachable");
  await expect(alert).not.toContainText(/failed to fetch/i);
  // The cited passage is still shown, from the answer itself.
  await expect(alert.locator("blockquote")).not.toBeEmpty();

  await page.unroute("**/api/documents/**");
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("dialog").locator("mark")).toBeVisible();
});
