"use client";

import { useChat } from "@ai-sdk/react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ChatMessage } from "@/lib/engine/chat-message";
import type { Citation } from "@/lib/types";
import { focusWithoutPreview } from "@/components/citations/citation-chip";
import { AssistantMessage } from "@/components/messages/assistant-message";
import { viewOf } from "@/components/messages/message-view";
import { Thinking } from "@/components/messages/thinking";
import { UserMessage } from "@/components/messages/user-message";
import { SourcePanel } from "@/components/sources/source-panel";
import { useMediaQuery } from "@/hooks/use-media-query";
import { ChatHeader } from "./chat-header";
import { Composer } from "./composer";
import { Conversation } from "./conversation";
import { ErrorNotice } from "./error-notice";
import { ExampleQuestions } from "./example-questions";
import { useSavedChat } from "./use-saved-chat";

type OpenCitation = { messageId: string; citation: Citation };

/** The chat page: conversation, composer, and the source panel for the citation being read. */
export function Chat() {
  const { messages, sendMessage, status, stop, error, regenerate, setMessages, clearError } = useChat<ChatMessage>({
    experimental_throttle: 40,
  });
  const [open, setOpen] = useState<OpenCitation | null>(null);
  const [stoppedIds, setStoppedIds] = useState<string[]>([]);
  const [pinKey, setPinKey] = useState(0);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const restored = useSavedChat({ messages, status, stoppedIds, setMessages, setStoppedIds });

  // On phones the source panel covers the chat: the chat is then out of reach until it closes.
  const phone = useMediaQuery("(max-width: 767.98px)");
  const busy = status === "submitted" || status === "streaming";
  const last = messages[messages.length - 1];

  useEffect(() => {
    // Lets tests (and styles) know the page is interactive.
    if (rootRef.current) rootRef.current.dataset.hydrated = "true";
    // Desktop: ready to type. Phones: no keyboard popping up unasked.
    if (window.matchMedia("(min-width: 768px)").matches) composerRef.current?.focus();
  }, []);

  const ask = useCallback(
    (text: string) => {
      if (busy) return;
      setPinKey((k) => k + 1);
      void sendMessage({ text });
    },
    [busy, sendMessage],
  );

  const onStop = useCallback(() => {
    if (last?.role === "assistant") setStoppedIds((ids) => [...ids, last.id]);
    void stop();
    composerRef.current?.focus();
  }, [last, stop]);

  const onRetry = useCallback(() => {
    clearError();
    setPinKey((k) => k + 1);
    void regenerate();
  }, [clearError, regenerate]);

  const onNewChat = useCallback(() => {
    void stop();
    setMessages([]);
    clearError();
    setOpen(null);
    setStoppedIds([]);
    composerRef.current?.focus();
  }, [stop, setMessages, clearError]);

  const openCitation = useCallback((messageId: string, citation: Citation, trigger: HTMLElement) => {
    returnFocus.current = trigger;
    setOpen({ messageId, citation });
  }, []);

  const closePanel = useCallback(() => {
    setOpen(null);
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target?.isConnected) focusWithoutPreview(target);
  }, []);

  const contentKey = `${messages.length}:${last ? viewOf(last).text.length : 0}:${status}`;
  const waitingForFirstPart = status === "submitted" && last?.role === "user";

  return (
    <div ref={rootRef} className="app" data-panel-open={open ? "" : undefined}>
      <ChatHeader onNewChat={onNewChat} canReset={messages.length > 0 || !!error} inert={!!open && phone} />
      <div className="app-body">
        <main className="chat-column" aria-label="Chat" inert={!!open && phone}>
          <Conversation contentKey={contentKey} pinKey={pinKey}>
            {messages.length === 0 && !error ? (
              // Until the saved conversation has been looked for, the chat may not be empty.
              restored && <ExampleQuestions onAsk={ask} disabled={busy} />
            ) : (
              messages.map((m, i) =>
                m.role === "user" ? (
                  <UserMessage key={m.id} text={viewOf(m).text} />
                ) : (
                  <AssistantMessage
                    key={m.id}
                    message={m}
                    streaming={busy && i === messages.length - 1}
                    stopped={stoppedIds.includes(m.id)}
                    activeCitation={open ? { messageId: open.messageId, n: open.citation.n } : null}
                    onOpenCitation={openCitation}
                  />
                ),
              )
            )}
            {waitingForFirstPart && (
              <div className="message message-assistant" data-role="assistant" aria-busy="true">
                <div className="assistant-avatar" aria-hidden="true" />
                <div className="assistant-body">
                  <Thinking />
                </div>
              </div>
            )}
            {error && status === "error" && <ErrorNotice error={error} onRetry={onRetry} />}
          </Conversation>
          <div className="composer-wrap">
            <Composer ref={composerRef} busy={busy} onSend={ask} onStop={onStop} />
          </div>
          <p className="visually-hidden" role="status" aria-live="polite">
            {busy ? "Answering…" : status === "ready" && last?.role === "assistant" ? "Answer ready." : ""}
          </p>
        </main>
        {open && <SourcePanel citation={open.citation} onClose={closePanel} modal={phone} />}
      </div>
    </div>
  );
}
