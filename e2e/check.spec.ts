import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import type { CheckResponse, Citation } from "@/lib/types";
import { gotoChat, snap } from "./helpers";

/**
 * The Check page against a mocked `POST /api/check` (the route is built elsewhere): the response is made
 * from the real document's text, so the source panel highlights real offsets.
 */

const DOC = "wikipedia-nato";
const HQ = "NATO's main headquarters are in Brussels, Belgium, while its military headquarters are near Mons, Belgium.";
const TREATY_START = "These talks resulted in the signature of the North Atlantic Treaty on 4 April 1949";

const SUPPORTED = "NATO's main headquarters are in Brussels.";
const CONTRADICTED = "The North Atlantic Treaty was signed in 1959.";
const NOT_FOUND = "NATO runs a research station on the Moon.";
const TEXT = `${SUPPORTED} ${CONTRADICTED}\n\n${NOT_FOUND}`;

/** A citation of the paragraph holding `sentence` in the document, quoting that sentence. */
function citeSentence(doc: { docId: string; title: string; source: string | null; publishedAt: string | null; text: string }, sentence: string, n: number): Citation {
  const at = doc.text.indexOf(sentence);
  expect(at, `the document holds "${sentence.slice(0, 40)}…"`).toBeGreaterThanOrEqual(0);
  const start = doc.text.lastIndexOf("\n", at) + 1;
  const lineEnd = doc.text.indexOf("\n", at);
  const end = lineEnd < 0 ? doc.text.length : lineEnd;
  const quoteEnd = doc.text.indexOf(".", at + sentence.length - 1) + 1;
  return {
    chunkId: `${doc.docId}#${start}`,
    docId: doc.docId,
    title: doc.title,
    source: doc.source,
    publishedAt: doc.publishedAt,
    text: doc.text.slice(start, end),
    start,
    end,
    score: 0.8,
    n,
    quote: { start: at, end: quoteEnd },
  };
}

async function checkResponse(request: APIRequestContext): Promise<CheckResponse> {
  const res = await request.get(`/api/documents/${DOC}`);
  expect(res.ok()).toBe(true);
  const doc = await res.json();
  const claim = (text: string, verdict: CheckResponse["claims"][number]["verdict"], evidence: Citation[]) => {
    const start = TEXT.indexOf(text);
    return { start, end: start + text.length, text, verdict, confidence: verdict === "not_found" ? 0.7 : 0.9, evidence };
  };
  return {
    claims: [
      claim(SUPPORTED, "supported", [citeSentence(doc, HQ, 1)]),
      claim(CONTRADICTED, "contradicted", [citeSentence(doc, TREATY_START, 1)]),
      claim(NOT_FOUND, "not_found", []),
    ],
    counts: { supported: 1, contradicted: 1, not_found: 1 },
  };
}

/** Answers /api/check with `body`, recording what the page sent. */
async function mockCheck(page: Page, body: CheckResponse): Promise<{ text?: string; contentType?: string }[]> {
  const sent: { text?: string; contentType?: string }[] = [];
  await page.route("**/api/check", async (route) => {
    const req = route.request();
    sent.push({ ...(req.postDataJSON() as { text?: string }), contentType: req.headers()["content-type"] });
    await route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(body) });
  });
  return sent;
}

async function gotoCheck(page: Page): Promise<void> {
  await page.goto("/check");
  await expect(page.locator('.app[data-hydrated="true"]')).toBeAttached();
}

const textBox = (page: Page) => page.getByRole("textbox", { name: "Text to check" });
const checkButton = (page: Page) => page.getByRole("button", { name: "Check", exact: true });
const claim = (page: Page, text: string) => page.getByRole("button", { name: text, exact: true });

async function pasteAndCheck(page: Page): Promise<void> {
  await textBox(page).fill(TEXT);
  await checkButton(page).click();
  await expect(page.getByTestId("check-counts")).toBeVisible();
}

const decorationColor = (el: Locator) => el.evaluate((e) => getComputedStyle(e).textDecorationColor);

/** Content-Security-Policy violations seen by the page. */
async function recordCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __csp: string[] }).__csp = []);
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

test("the chat header leads to the Check page", async ({ page }) => {
  await gotoChat(page);
  await page.getByRole("link", { name: "Check a text" }).click();
  await expect(page).toHaveURL(/\/check$/);
  await expect(page.getByRole("heading", { level: 1, name: "Check a text" })).toBeVisible();
  await page.getByRole("link", { name: "Chat" }).click();
  await expect(page.getByRole("heading", { name: "NATO Docs Q&A" })).toBeVisible();
});

test("a pasted text comes back with each claim underlined by verdict, counts and legend", async ({ page, request }) => {
  const csp = await recordCsp(page);
  const sent = await mockCheck(page, await checkResponse(request));
  await gotoCheck(page);
  await pasteAndCheck(page);

  expect(sent).toEqual([{ text: TEXT, contentType: "application/json" }]);
  await expect(page.getByTestId("check-counts")).toHaveText("1 supported · 1 contradicted · 1 not found");
  const legend = page.getByRole("list", { name: "Legend" });
  await expect(legend).toContainText("supported");
  await expect(legend).toContainText("contradicted");
  await expect(legend).toContainText("not found");

  // The text comes back whole, the claims in it as buttons carrying their verdict.
  expect(await page.getByTestId("checked-text").textContent()).toBe(TEXT);
  const supported = claim(page, SUPPORTED);
  const contradicted = claim(page, CONTRADICTED);
  const notFound = claim(page, NOT_FOUND);
  await expect(supported).toHaveAttribute("data-verdict", "supported");
  await expect(contradicted).toHaveAttribute("data-verdict", "contradicted");
  await expect(notFound).toHaveAttribute("data-verdict", "not_found");
  await expect(supported).toHaveAccessibleName(SUPPORTED);
  await expect(supported).toHaveAccessibleDescription("supported: a document states it");
  await expect(notFound).toHaveAccessibleDescription("not found: no document states it");
  const colours = await Promise.all([supported, contradicted, notFound].map(decorationColor));
  expect(new Set(colours).size, `three different underline colours: ${colours}`).toBe(3);
  const [r, g] = (colours[0].match(/\d+/g) ?? []).map(Number);
  expect(g, "supported is green").toBeGreaterThan(r);
  await snap(page, "check-desktop-light");

  // Clicking the contradicted claim opens its evidence with the contradicting sentence highlighted.
  await contradicted.click();
  const panel = page.getByRole("dialog");
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText(/NATO|North Atlantic/);
  await expect(panel.locator("mark")).toHaveCount(1);
  await expect(panel.locator("mark")).toContainText("North Atlantic Treaty on 4 April 1949");
  await expect(panel.locator("mark")).toBeInViewport();
  await expect(page.getByRole("region", { name: "Selected claim" })).toContainText("Contradicted");
  await snap(page, "check-desktop-evidence");

  await panel.getByRole("button", { name: "Close source" }).click();
  await expect(panel).toBeHidden();
  await expect(contradicted).toBeFocused();
  expect(await csp()).toEqual([]);
});

test("by keyboard: Ctrl+Enter checks, Tab reaches each claim, Enter opens it, Escape returns", async ({ page, request }) => {
  await mockCheck(page, await checkResponse(request));
  await gotoCheck(page);
  await textBox(page).fill(TEXT);
  await textBox(page).press("Control+Enter");
  await expect(page.getByTestId("check-counts")).toBeVisible();

  await checkButton(page).focus();
  await page.keyboard.press("Tab");
  const supported = claim(page, SUPPORTED);
  await expect(supported).toBeFocused();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("dialog");
  await expect(panel.locator("mark")).toContainText("main headquarters are in Brussels");
  await expect(panel.getByRole("button", { name: "Close source" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(supported).toBeFocused();

  // A claim the documents do not state has no evidence: its details say so, no panel opens.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(claim(page, NOT_FOUND)).toBeFocused();
  await page.keyboard.press(" ");
  await expect(page.getByRole("region", { name: "Selected claim" })).toContainText("No passage in the documents states this.");
  await expect(panel).toBeHidden();
});

test("a dropped .md file fills the text box; other files are refused with a note", async ({ page }) => {
  await gotoCheck(page);
  const drop = async (name: string, type: string, content: string) => {
    const dataTransfer = await page.evaluateHandle(
      ([n, t, c]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([c], n, { type: t }));
        return dt;
      },
      [name, type, content],
    );
    await textBox(page).dispatchEvent("drop", { dataTransfer });
  };
  await drop("notes.md", "text/markdown", TEXT);
  await expect(textBox(page)).toHaveValue(TEXT);
  await drop("photo.png", "image/png", "not text");
  await expect(page.getByRole("alert").filter({ hasText: "photo.png is not a text file" })).toBeVisible();
  await expect(textBox(page)).toHaveValue(TEXT);
});

test("errors are told in words, and Retry checks again", async ({ page, request }) => {
  const good = await checkResponse(request);
  let calls = 0;
  await page.route("**/api/check", async (route) => {
    calls++;
    if (calls === 1) return route.abort("connectionrefused");
    if (calls === 2) {
      return route.fulfill({
        status: 503,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "index_missing", message: "No index: run `npm run ingest`." } }),
      });
    }
    if (calls === 3) {
      return route.fulfill({
        status: 400,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "bad_request", message: "text: must not be empty" } }),
      });
    }
    return route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(good) });
  });
  await gotoCheck(page);
  const notice = page.getByTestId("chat-error");

  await textBox(page).fill(TEXT);
  await checkButton(page).click();
  await expect(notice).toContainText("Can't reach the server");
  await expect(page.locator("body")).not.toContainText(/failed to fetch/i);

  await notice.getByRole("button", { name: "Retry" }).click();
  await expect(notice).toContainText("The document index is not ready");
  await expect(notice).toContainText("npm run ingest");

  await checkButton(page).click();
  await expect(notice).toContainText("The text could not be checked");
  await expect(notice).toContainText("text: must not be empty");

  await notice.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByTestId("check-counts")).toHaveText("1 supported · 1 contradicted · 1 not found");
  await expect(notice).toBeHidden();
});

test.describe("phone width, dark", () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, colorScheme: "dark" });

  test("fits the screen, and evidence opens as a full-screen sheet", async ({ page, request }) => {
    await mockCheck(page, await checkResponse(request));
    await gotoCheck(page);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number);
    expect((0.2126 * r + 0.7152 * g + 0.0722 * b) / 255, "dark background").toBeLessThan(0.15);

    await pasteAndCheck(page);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await snap(page, "check-phone-dark");

    await claim(page, SUPPORTED).tap();
    const panel = page.getByRole("dialog");
    await expect(panel.locator("mark")).toContainText("main headquarters are in Brussels");
    const rect = await panel.boundingBox();
    expect(rect?.x).toBe(0);
    expect(rect?.width).toBe(375);
    await expect(panel.locator("mark")).toBeInViewport();
    await snap(page, "check-phone-dark-evidence");
    await panel.getByRole("button", { name: "Close source" }).tap();
    await expect(panel).toBeHidden();
  });
});

test("checks a text against the real engine: verdicts from the documents, evidence highlighted", async ({ page }) => {
  const text = "NATO's main headquarters are in Brussels, Belgium. Finland joined NATO in April 2019. The alliance keeps a base on the Moon.";
  await page.goto("/check");
  await textBox(page).fill(text);
  await checkButton(page).click();
  await expect(page.getByTestId("check-counts")).toHaveText(/1 supported · 1 contradicted · 1 not found/);
  await expect(claim(page, "NATO's main headquarters are in Brussels, Belgium.")).toHaveAttribute("data-verdict", "supported");
  const finland = claim(page, "Finland joined NATO in April 2019.");
  await expect(finland).toHaveAttribute("data-verdict", "contradicted");
  await expect(claim(page, "The alliance keeps a base on the Moon.")).toHaveAttribute("data-verdict", "not_found");
  await finland.click();
  await expect(page.getByRole("dialog").locator("mark").first()).toContainText(/Finland/);
});
