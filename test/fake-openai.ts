import http from "node:http";
import type { AddressInfo } from "node:net";
import { promptPassages } from "./mock-model";

/**
 * A small OpenAI-compatible server for tests: POST /v1/chat/completions, streaming (SSE) or
 * not. It records every request and can be switched to fail the ways real providers fail.
 */
export type FakeMode =
  | "ok"
  /** 429 with a body that echoes the key, as some providers do. */
  | "rate-limit"
  | "server-error"
  | "unauthorized"
  /** Streams the first piece of the reply, then nothing until the client gives up. */
  | "stall";

export type ChatRequestBody = {
  model: string;
  stream?: boolean;
  messages: { role: string; content: string }[];
  [key: string]: unknown;
};

export type RecordedRequest = { path: string; authorization: string | undefined; body: ChatRequestBody };

export type FakeOpenAI = {
  /** What LLM_BASE_URL should be: http://127.0.0.1:<port>/v1 */
  baseURL: string;
  requests: RecordedRequest[];
  mode: FakeMode;
  /** The assistant's reply to a request; default "Hello [1]." */
  reply: (body: ChatRequestBody) => string;
  close: () => Promise<void>;
};

/** Pieces this long are streamed, so markers get cut between chunks as they do for real. */
const PIECE = 5;

function chunk(id: string, model: string, delta: Record<string, string>, finish: string | null): string {
  const payload = { id, object: "chat.completion.chunk", created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, delta, finish_reason: finish }] };
  return `data: ${JSON.stringify(payload)}\n\n`;
}

function sendError(res: http.ServerResponse, status: number, message: string, type: string): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { message, type, code: type } }));
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const open = new Set<http.ServerResponse>();
  const fake: FakeOpenAI = {
    baseURL: "",
    requests: [],
    mode: "ok",
    reply: () => "Hello [1].",
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    let raw = "";
    for await (const piece of req) raw += piece;
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") return sendError(res, 404, "Not found", "not_found");
    const body = JSON.parse(raw) as ChatRequestBody;
    const authorization = req.headers.authorization;
    fake.requests.push({ path: req.url, authorization, body });
    const key = authorization?.replace(/^Bearer /, "") ?? "";
    if (fake.mode === "rate-limit") return sendError(res, 429, `Rate limit reached for key ${key}. Try again in 20s.`, "rate_limit_exceeded");
    if (fake.mode === "unauthorized") return sendError(res, 401, `Incorrect API key provided: ${key}.`, "invalid_api_key");
    if (fake.mode === "server-error") return sendError(res, 500, "The server had an error while processing your request.", "server_error");

    const text = fake.reply(body);
    const id = `chatcmpl-${fake.requests.length}`;
    if (!body.stream) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({
        id, object: "chat.completion", created: Math.floor(Date.now() / 1000), model: body.model,
        choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
        usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
      }));
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    res.write(chunk(id, body.model, { role: "assistant", content: "" }, null));
    const pieces = text.match(new RegExp(`[^]{1,${PIECE}}`, "g")) ?? [];
    if (fake.mode === "stall") {
      res.write(chunk(id, body.model, { content: pieces.slice(0, 4).join("") }, null));
      open.add(res);
      res.on("close", () => open.delete(res));
      return; // never finishes: the client's timeout has to end it
    }
    for (const piece of pieces) {
      res.write(chunk(id, body.model, { content: piece }, null));
      await new Promise((r) => setTimeout(r, 2));
    }
    res.write(chunk(id, body.model, {}, "stop"));
    res.write("data: [DONE]\n\n");
    res.end();
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => sendError(res, 500, String(error), "fake_error"));
  });
  const originalClose = fake.close;
  fake.close = async () => {
    for (const res of open) res.destroy();
    await originalClose();
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}

/** The passages of the prompt the fake received, by number: lets a reply quote them. */
export function passagesOf(body: ChatRequestBody): Map<number, string> {
  return promptPassages(body.messages.filter((m) => m.role === "user").at(-1)?.content ?? "");
}
