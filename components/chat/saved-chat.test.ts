import { describe, expect, it } from "vitest";
import type { ChatMessage } from "@/lib/engine/chat-message";
import type { Citation } from "@/lib/types";
import { clearSavedChat, loadSavedChat, MAX_SAVED_CHARS, MAX_SAVED_MESSAGES, SAVED_CHAT_KEY, saveChat } from "./saved-chat";

/** An in-memory Storage, with an optional quota in characters like a browser's. */
function memoryStorage(quota = Infinity): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => {
      if (v.length > quota) throw new DOMException("quota", "QuotaExceededError");
      items.set(k, String(v));
    },
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
  };
}

const citation: Citation = {
  chunkId: "doc#0",
  docId: "doc",
  title: "A document",
  source: null,
  publishedAt: "2024-01-01",
  text: "NATO's main headquarters are in Brussels.",
  start: 0,
  end: 41,
  score: 0.9,
  n: 1,
  quote: { start: 0, end: 41 },
};

function turn(i: number, padding = ""): ChatMessage[] {
  return [
    { id: `q${i}`, role: "user", parts: [{ type: "text", text: `Question ${i}?` }] },
    {
      id: `a${i}`,
      role: "assistant",
      parts: [
        { type: "data-answer", data: { answered: true, model: "extractive" } },
        { type: "data-citations", data: [citation] },
        { type: "source-document", sourceId: "doc#0", mediaType: "text/plain", title: "A document" },
        { type: "text", text: `Answer ${i} [1].${padding}`, state: "done" },
      ],
    },
  ];
}

describe("the saved conversation", () => {
  it("comes back as it was saved, citations included", async () => {
    const storage = memoryStorage();
    const messages = [...turn(1), ...turn(2)];
    saveChat(storage, { messages, stoppedIds: ["a2"] });
    const saved = await loadSavedChat(storage);
    expect(saved).toEqual({ messages, stoppedIds: ["a2"] });
  });

  it("keeps finished turns only: a question without its answer is not saved", async () => {
    const storage = memoryStorage();
    saveChat(storage, { messages: [...turn(1), turn(2)[0]], stoppedIds: [] });
    expect((await loadSavedChat(storage))?.messages.map((m) => m.id)).toEqual(["q1", "a1"]);
  });

  it("is removed when the conversation is emptied (New chat)", async () => {
    const storage = memoryStorage();
    saveChat(storage, { messages: turn(1), stoppedIds: [] });
    saveChat(storage, { messages: [], stoppedIds: [] });
    expect(storage.getItem(SAVED_CHAT_KEY)).toBeNull();
    expect(await loadSavedChat(storage)).toBeNull();
  });

  it("keeps the newest turns within the message and size bounds, each answer with its question", async () => {
    const storage = memoryStorage();
    const many = Array.from({ length: MAX_SAVED_MESSAGES }, (_, i) => turn(i)).flat();
    saveChat(storage, { messages: many, stoppedIds: [] });
    const kept = (await loadSavedChat(storage))!.messages;
    expect(kept).toHaveLength(MAX_SAVED_MESSAGES);
    expect(kept[0].role).toBe("user");
    expect(kept.at(-1)?.id).toBe(`a${MAX_SAVED_MESSAGES - 1}`);

    const big = Array.from({ length: 6 }, (_, i) => turn(i, "x".repeat(MAX_SAVED_CHARS / 4))).flat();
    saveChat(storage, { messages: big, stoppedIds: [] });
    expect(storage.getItem(SAVED_CHAT_KEY)!.length).toBeLessThanOrEqual(MAX_SAVED_CHARS);
    expect((await loadSavedChat(storage))!.messages.map((m) => m.id)).toEqual(["q3", "a3", "q4", "a4", "q5", "a5"]);
  });

  it("drops old turns when the browser's storage is full, and nothing when not even one fits", async () => {
    const storage = memoryStorage(3000);
    saveChat(storage, { messages: Array.from({ length: 10 }, (_, i) => turn(i)).flat(), stoppedIds: [] });
    const kept = (await loadSavedChat(storage))!.messages;
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.at(-1)?.id).toBe("a9");

    const tiny = memoryStorage(10);
    saveChat(tiny, { messages: turn(1), stoppedIds: [] });
    expect(tiny.getItem(SAVED_CHAT_KEY)).toBeNull();
  });

  it.each([
    ["not JSON", "{oops"],
    ["another shape", JSON.stringify([{ id: "x" }])],
    ["a message without parts", JSON.stringify({ messages: [{ id: "x", role: "user" }], stoppedIds: [] })],
    [
      "a citation of the wrong shape",
      JSON.stringify({
        messages: [{ id: "a", role: "assistant", parts: [{ type: "data-citations", data: [{ n: "one" }] }] }],
        stoppedIds: [],
      }),
    ],
    [
      "an unknown data part",
      JSON.stringify({ messages: [{ id: "a", role: "assistant", parts: [{ type: "data-other", data: 1 }] }], stoppedIds: [] }),
    ],
  ])("that is unreadable (%s) is dropped for a fresh start", async (_, raw) => {
    const storage = memoryStorage();
    storage.setItem(SAVED_CHAT_KEY, raw);
    expect(await loadSavedChat(storage)).toBeNull();
    expect(storage.getItem(SAVED_CHAT_KEY)).toBeNull();
  });

  it("does nothing when the browser blocks storage", async () => {
    const blocked = memoryStorage();
    blocked.getItem = () => {
      throw new DOMException("blocked", "SecurityError");
    };
    blocked.removeItem = blocked.getItem;
    expect(await loadSavedChat(blocked)).toBeNull();
    expect(() => clearSavedChat(blocked)).not.toThrow();
  });
});
