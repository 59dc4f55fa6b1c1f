import { expect, type Locator, type Page } from "@playwright/test";

/** Opens the chat and waits until React has hydrated it (typing earlier would be lost). */
export async function gotoChat(page: Page): Promise<void> {
  await page.goto("/");
  await expect(page.locator('.app[data-hydrated="true"]')).toBeAttached();
}

/** The composer's text box. */
export function composer(page: Page): Locator {
  return page.getByRole("textbox", { name: /your question/i });
}

export function sendButton(page: Page): Locator {
  return page.getByRole("button", { name: "Send question" });
}

export function stopButton(page: Page): Locator {
  return page.getByRole("button", { name: "Stop generating" });
}

/** An error shown in the conversation (Next.js has a role="alert" route announcer of its own). */
export function chatError(page: Page): Locator {
  return page.getByRole("main").getByRole("alert");
}

export function assistantMessages(page: Page): Locator {
  return page.locator('.message[data-role="assistant"]');
}

export function lastAnswer(page: Page): Locator {
  return assistantMessages(page).last();
}

/** Types a question and sends it with Enter. */
export async function ask(page: Page, question: string): Promise<void> {
  const box = composer(page);
  await box.fill(question);
  await box.press("Enter");
}

/** Waits until the answer has finished streaming (the send button is back, nothing is busy). */
export async function waitForAnswer(page: Page): Promise<Locator> {
  await expect(stopButton(page)).toBeHidden({ timeout: 45_000 });
  await expect(sendButton(page)).toBeVisible();
  const answer = lastAnswer(page);
  await expect(answer.locator(".answer-text")).toBeVisible();
  await expect(answer).not.toHaveAttribute("aria-busy", "true");
  return answer;
}

/** Opening a source must not push the page around: the header stays at the top, nothing else scrolled. */
export async function expectLayoutIntact(page: Page): Promise<void> {
  const header = await page.getByRole("banner").boundingBox();
  expect(header?.y).toBe(0);
  const scrolled = await page.evaluate(() =>
    [document.documentElement, document.body, ...document.querySelectorAll(".app, .app-body, .chat-column, .source-panel")]
      .map((el) => el.scrollTop)
      .reduce((a, b) => a + b, 0),
  );
  expect(scrolled).toBe(0);
}

export const collapse = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * Opens the answer's citations in turn (with `open`, closing unmatched ones with `close` where
 * the panel covers the chips) until the panel's <mark> holds `support`. Returns that panel, or
 * null when no citation shows it.
 */
export async function openCitationShowing(
  page: Page,
  answer: Locator,
  support: RegExp,
  open: (chip: Locator) => Promise<void>,
  close?: (panel: Locator) => Promise<void>,
): Promise<Locator | null> {
  const chips = answer.locator("[data-citation]");
  const count = await chips.count();
  expect(count).toBeGreaterThan(0);
  const panel = page.getByRole("dialog");
  for (let i = 0; i < count; i++) {
    await open(chips.nth(i));
    await expect(panel).toBeVisible();
    const mark = panel.locator("mark");
    await expect(mark).toHaveCount(1);
    if (support.test(collapse((await mark.textContent()) ?? ""))) return panel;
    await close?.(panel);
  }
  return null;
}

/** Saves a screenshot for review under test-results/screens (git-ignored, never committed). */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: false, animations: "disabled" });
}

/** One Server-Sent Event per UI message stream chunk, as the AI SDK's transport reads them. */
export function uiMessageStream(chunks: object[]): string {
  return [...chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`), "data: [DONE]\n\n"].join("");
}

export const UI_STREAM_HEADERS = {
  "content-type": "text/event-stream",
  "cache-control": "no-cache",
  "x-vercel-ai-ui-message-stream": "v1",
};

/** A whole assistant answer as a UI message stream, for tests that need a known answer. */
export function answerStream(opts: { text: string; citations?: object[]; answer?: object }): string {
  const chunks: object[] = [{ type: "start", messageId: `mock-${Math.random().toString(36).slice(2)}` }];
  if (opts.citations) chunks.push({ type: "data-citations", data: opts.citations });
  if (opts.answer) chunks.push({ type: "data-answer", data: opts.answer });
  chunks.push({ type: "text-start", id: "t" });
  for (const piece of opts.text.match(/.{1,12}/gs) ?? []) chunks.push({ type: "text-delta", id: "t", delta: piece });
  chunks.push({ type: "text-end", id: "t" }, { type: "finish" });
  return uiMessageStream(chunks);
}

/**
 * Replaces the page's fetch of /api/chat with a stream that sends a few words and then waits forever,
 * until the request is aborted: the only way to hold an answer "streaming" for as long as a test needs.
 */
export async function installStallingChatStream(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const realFetch = window.fetch.bind(window);
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      if (!new URL(url, location.href).pathname.endsWith("/api/chat")) return realFetch(input, init);
      const signal = init?.signal ?? undefined;
      const encoder = new TextEncoder();
      const send = (c: ReadableStreamDefaultController<Uint8Array>, chunk: object) =>
        c.enqueue(encoder.encode(`data: ${JSON.stringify(chunk)}\n\n`));
      const words = "NATO's main headquarters are in Brussels, and the answer keeps going slowly".split(" ");
      let timer: number | undefined;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          send(controller, { type: "start", messageId: "slow-answer" });
          send(controller, { type: "text-start", id: "t" });
          let i = 0;
          const next = () => {
            if (i < words.length) send(controller, { type: "text-delta", id: "t", delta: (i ? " " : "") + words[i++] });
            // After the words run out, the stream stays open: still "streaming", until stopped.
            timer = window.setTimeout(next, 150);
          };
          next();
          signal?.addEventListener("abort", () => {
            window.clearTimeout(timer);
            controller.error(new DOMException("The user aborted a request.", "AbortError"));
          });
        },
        cancel() {
          window.clearTimeout(timer);
        },
      });
      (window as unknown as { __chatRequests?: number }).__chatRequests =
        ((window as unknown as { __chatRequests?: number }).__chatRequests ?? 0) + 1;
      return new Response(body, {
        status: 200,
        headers: { "content-type": "text/event-stream", "x-vercel-ai-ui-message-stream": "v1" },
      });
    };
  });
}
