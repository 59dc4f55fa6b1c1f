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
