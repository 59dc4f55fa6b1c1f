import { safeValidateUIMessages } from "ai";
import { z } from "zod";
import type { ChatMessage } from "@/lib/engine/chat-message";
import { answerSentenceSchema, citationOutputSchema } from "@/lib/schemas/responses";
import { MAX_BODY_BYTES } from "@/lib/http/body";

/**
 * The conversation kept in the browser (localStorage) across reloads. The key carries a version: a
 * conversation saved in an older shape is not read, and anything unreadable is dropped for a fresh start.
 */
export const SAVED_CHAT_KEY = "nato-rag-chat:conversation:v1";

export type SavedChat = { messages: ChatMessage[]; stoppedIds: string[] };

/** At most this many messages are kept (the server reads the last 20 turns as history anyway). */
export const MAX_SAVED_MESSAGES = 40;
/**
 * At most this many characters of JSON: the whole conversation is sent again with the next question,
 * and it must stay well under the server's body limit to leave room for that question.
 */
export const MAX_SAVED_CHARS = Math.floor(MAX_BODY_BYTES * 0.6);

const savedSchema = z.object({ messages: z.array(z.unknown()), stoppedIds: z.array(z.string()) });

/** The data parts /api/chat sends (lib/engine/chat-message.ts), checked so that the chat can trust them. */
const dataSchemas = {
  citations: z.array(citationOutputSchema),
  answer: z.object({
    answered: z.boolean(),
    model: z.string(),
    sentences: z.array(answerSentenceSchema).optional(),
    note: z.string().optional(),
  }),
};

/** The saved conversation, or null when there is none or it cannot be read (it is then removed). */
export async function loadSavedChat(storage: Storage): Promise<SavedChat | null> {
  let raw: string | null;
  try {
    raw = storage.getItem(SAVED_CHAT_KEY);
  } catch {
    return null; // storage blocked (privacy settings): nothing saved
  }
  if (!raw) return null;
  const saved = parseSaved(raw);
  if (saved && saved.messages.length === 0) return null;
  const checked = saved && (await safeValidateUIMessages<ChatMessage>({ messages: saved.messages, dataSchemas }));
  if (!saved || !checked?.success) {
    clearSavedChat(storage);
    return null;
  }
  return { messages: checked.data, stoppedIds: saved.stoppedIds };
}

function parseSaved(raw: string): z.infer<typeof savedSchema> | null {
  try {
    const parsed = savedSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps the conversation's finished turns, the newest that fit the bounds; an empty one is removed. */
export function saveChat(storage: Storage, chat: SavedChat): void {
  const messages = finishedTurns(chat.messages);
  if (messages.length === 0) return clearSavedChat(storage);
  let from = Math.max(0, messages.length - MAX_SAVED_MESSAGES);
  for (;;) {
    const kept = startAtQuestion(messages, from);
    if (kept.length === 0) return clearSavedChat(storage);
    const ids = new Set(kept.map((m) => m.id));
    const json = JSON.stringify({ messages: kept, stoppedIds: chat.stoppedIds.filter((id) => ids.has(id)) });
    if (json.length <= MAX_SAVED_CHARS && trySetItem(storage, json)) return;
    from = messages.indexOf(kept[0]) + 1; // too big (or the browser's quota is full): drop the oldest turn
  }
}

export function clearSavedChat(storage: Storage): void {
  try {
    storage.removeItem(SAVED_CHAT_KEY);
  } catch {
    // storage blocked: nothing to clear
  }
}

/** A question still waiting for its answer (or whose request failed) is not kept: it has nothing to show. */
function finishedTurns(messages: ChatMessage[]): ChatMessage[] {
  let end = messages.length;
  while (end > 0 && messages[end - 1].role !== "assistant") end--;
  return messages.slice(0, end);
}

/** The messages from `from` on, starting at a question so that no answer is kept without it. */
function startAtQuestion(messages: ChatMessage[], from: number): ChatMessage[] {
  let at = from;
  while (at < messages.length && messages[at].role !== "user") at++;
  return messages.slice(at);
}

function trySetItem(storage: Storage, json: string): boolean {
  try {
    storage.setItem(SAVED_CHAT_KEY, json);
    return true;
  } catch {
    return false;
  }
}
