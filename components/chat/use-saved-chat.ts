"use client";

import type { ChatStatus } from "ai";
import { useEffect, useState, type Dispatch, type SetStateAction } from "react";
import type { ChatMessage } from "@/lib/engine/chat-message";
import { loadSavedChat, saveChat } from "./saved-chat";

type Options = {
  messages: ChatMessage[];
  status: ChatStatus;
  stoppedIds: string[];
  setMessages: (update: (messages: ChatMessage[]) => ChatMessage[]) => void;
  setStoppedIds: Dispatch<SetStateAction<string[]>>;
};

/**
 * Brings back the conversation saved in this browser, and saves it whenever an answer is done (a new
 * chat, being empty, removes it). Returns whether the saved conversation has been looked for: until
 * then the chat does not know whether it is empty.
 */
export function useSavedChat({ messages, status, stoppedIds, setMessages, setStoppedIds }: Options): boolean {
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    let live = true;
    void loadSavedChat(window.localStorage).then((saved) => {
      if (!live) return;
      // A question asked before the saved conversation was read wins over it.
      if (saved) {
        setMessages((current) => (current.length ? current : saved.messages));
        setStoppedIds((current) => (current.length ? current : saved.stoppedIds));
      }
      setRestored(true);
    });
    return () => {
      live = false;
    };
  }, [setMessages, setStoppedIds]);

  const answering = status === "submitted" || status === "streaming";
  useEffect(() => {
    if (restored && !answering) saveChat(window.localStorage, { messages, stoppedIds });
  }, [restored, answering, messages, stoppedIds]);

  return restored;
}
