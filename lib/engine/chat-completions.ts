import { randomUUID } from "node:crypto";
import { configuredLlm } from "@/lib/answer/llm/model";
import { NUMBERED_MARKER } from "@/lib/citations/markers";
import { AppError, toAppError } from "@/lib/errors";
import { toQuestion, type ChatCompletionRequest } from "@/lib/schemas/chat-completions";
import { passageHref } from "@/lib/citations/passage-href";
import type { AskResponse, Citation } from "@/lib/types";
import { ask } from "./ask";
import { deltas } from "./chat-stream";
import { getEngine } from "./engine";
import { answererName } from "./health";

/** The OpenAI wire format of /v1 (chat.completion, chat.completion.chunk, model list), with our citations added. */

export type UrlCitation = {
  type: "url_citation";
  url_citation: { start_index: number; end_index: number; url: string; title: string };
};

export type Usage = { prompt_tokens: number; completion_tokens: number; total_tokens: number };

export type ChatCompletion = {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  choices: {
    index: 0;
    message: { role: "assistant"; content: string; refusal: null; annotations: UrlCitation[] };
    finish_reason: "stop";
    logprobs: null;
  }[];
  usage: Usage;
  citations: Citation[];
};

/** When this server started: the `created` of the models it lists. */
const STARTED = Math.floor(Date.now() / 1000);

/** GET /v1/models: the one answerer this server is configured with. */
export function listModels() {
  return { object: "list" as const, data: [{ id: answererName(), object: "model" as const, created: STARTED, owned_by: "nato-rag" }] };
}

function requireModel(model: string): void {
  if (model === answererName()) return;
  throw new AppError("model_not_found", `The model "${model.slice(0, 200)}" does not exist here: use "${answererName()}" (GET /v1/models lists it).`, {
    param: "model",
  });
}

/** A rough token count (no tokenizer here): 4/3 tokens per word, as for English text. */
export function estimateTokens(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.ceil((words * 4) / 3);
}

function usage(request: ChatCompletionRequest, content: string): Usage {
  const { question, history } = toQuestion(request);
  const prompt_tokens = estimateTokens([...history.map((m) => m.content), question].join(" "));
  const completion_tokens = estimateTokens(content);
  return { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens };
}

/** The passage a citation quotes, as a link a person can open: the library page, the passage highlighted. */
function passageUrl(origin: string, c: Citation): string {
  return `${origin}${passageHref(c.docId, c)}`;
}

/** A url_citation for each [n] marker of the content, at the marker's position. */
export function annotationsFor(content: string, citations: Citation[], origin: string): UrlCitation[] {
  const byNumber = new Map(citations.map((c) => [c.n, c]));
  return [...content.matchAll(new RegExp(NUMBERED_MARKER, "g"))].flatMap((m) => {
    const c = byNumber.get(Number(m[0].slice(1, -1)));
    if (!c) return [];
    const url_citation = { start_index: m.index, end_index: m.index + m[0].length, url: passageUrl(origin, c), title: c.title };
    return [{ type: "url_citation" as const, url_citation }];
  });
}

const completionId = () => `chatcmpl-${randomUUID().replaceAll("-", "")}`;
const now = () => Math.floor(Date.now() / 1000);

/** POST /v1/chat/completions without streaming: the same answer as /api/ask, in OpenAI's shape. */
export async function chatCompletion(request: ChatCompletionRequest, origin: string): Promise<ChatCompletion> {
  requireModel(request.model);
  const response = await ask(toQuestion(request));
  const content = response.answer;
  return {
    id: completionId(),
    object: "chat.completion",
    created: now(),
    model: request.model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content, refusal: null, annotations: annotationsFor(content, response.citations, origin) },
        finish_reason: "stop",
        logprobs: null,
      },
    ],
    usage: usage(request, content),
    citations: response.citations,
  };
}

/**
 * The answer as the text is written. With a language model configured its text streams as the
 * model writes it (markers already numbered, as in /api/chat); otherwise, or when the model
 * wrote nothing, the finished answer goes out in pieces of a few words.
 */
async function answerText(question: ReturnType<typeof toQuestion>, onText: (delta: string) => void, signal: AbortSignal): Promise<AskResponse> {
  const llm = configuredLlm();
  let streamed = false;
  const hooks = { onText: (delta: string) => ((streamed = true), onText(delta)), signal };
  const response = llm && "model" in llm ? await ask(question, await getEngine(), { llm, hooks }) : await ask(question);
  if (!streamed) for (const delta of deltas(response.answer)) onText(delta);
  return response;
}

/**
 * POST /v1/chat/completions with `stream: true`: server-sent chat.completion.chunk events, the
 * annotations, citations and usage in the last chunk, then `data: [DONE]`.
 */
export async function chatCompletionStream(request: ChatCompletionRequest, origin: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  requireModel(request.model);
  const base = { id: completionId(), object: "chat.completion.chunk", created: now(), model: request.model };
  const encoder = new TextEncoder();
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (line: string) => !cancelled && controller.enqueue(encoder.encode(`data: ${line}\n\n`));
      const send = (data: unknown) => write(JSON.stringify(data));
      const chunk = (delta: object, finish_reason: "stop" | null = null) => ({ ...base, choices: [{ index: 0, delta, finish_reason, logprobs: null }] });
      try {
        let content = "";
        // The role travels with the first text, so the first chunk is the answer's start.
        const role = () => (content ? {} : { role: "assistant" });
        const response = await answerText(toQuestion(request), (delta) => (send(chunk({ ...role(), content: delta })), (content += delta)), signal);
        const annotations = annotationsFor(content, response.citations, origin);
        send({ ...chunk({ ...role(), annotations }, "stop"), usage: usage(request, content), citations: response.citations });
        write("[DONE]");
      } catch (error) {
        // The status went out with the first chunk: the error travels as an OpenAI error event.
        const e = toAppError(error);
        send({ error: { message: e.messageForClient(), type: "server_error", code: e.code, param: null } });
      }
      if (!cancelled) controller.close();
    },
    cancel() {
      cancelled = true; // the client went away: the answer being written is dropped
    },
  });
}
