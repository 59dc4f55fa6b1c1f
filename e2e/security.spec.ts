import { expect, test, type Page } from "@playwright/test";
import { ask, gotoChat, waitForAnswer } from "./helpers";

/** Console errors, uncaught page errors and Content-Security-Policy violations, as they happen. */
async function recordProblems(page: Page): Promise<() => Promise<string[]>> {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __csp: string[] }).__csp = []);
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  });
  return async () => [...problems, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).map((v) => `CSP: ${v}`)];
}

test.describe("Content-Security-Policy", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`the chat works under the policy with no console errors (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      const problems = await recordProblems(page);
      const response = await page.goto("/");
      expect(response!.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
      await expect(page.locator('.app[data-hydrated="true"]')).toBeAttached();

      await ask(page, "Where is NATO's main headquarters?");
      const answer = await waitForAnswer(page);
      await expect(answer.locator(".answer-text")).toContainText("Brussels");
      const chip = answer.locator("[data-citation]").first();
      await chip.hover(); // the preview is positioned with inline styles
      await expect(page.getByRole("tooltip")).toBeVisible();
      await chip.click(); // the source panel loads the document
      await expect(page.getByRole("dialog").locator("mark")).toHaveCount(1);

      expect(await problems()).toEqual([]);
    });
  }

  test("markup injected into the page cannot run script", async ({ page }) => {
    await gotoChat(page);
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { __injected?: boolean };
      const div = document.createElement("div");
      div.innerHTML = `<img src="data:," onerror="window.__injected = true"><a href="javascript:window.__injected = true">x</a>`;
      document.body.append(div);
      div.querySelector("a")!.click();
      await new Promise((r) => setTimeout(r, 200));
      return w.__injected ?? false;
    });
    expect(ran).toBe(false);
  });

  test("another site cannot frame the chat", async ({ page, baseURL }) => {
    await page.goto("about:blank");
    await page.setContent(`<iframe src="${baseURL}/" width="600" height="400"></iframe>`);
    await page.waitForTimeout(2000);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeDefined();
    // The browser refuses the framed document: nothing of the app is in the frame.
    expect(await frame!.locator(".app").count()).toBe(0);
  });
});
