"use client";

import { useEffect, useRef, type ReactNode } from "react";

type Props = {
  children: ReactNode;
  /** Changes whenever the content grows (new message, streamed text). */
  contentKey: string;
  /** Changes when the user sends a question: scroll to the bottom whatever the position. */
  pinKey: number;
};

/** The scrolling conversation: follows the newest text unless the user has scrolled up to read. */
export function Conversation({ children, contentKey, pinKey }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);

  useEffect(() => {
    const el = scroller.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [contentKey]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    atBottom.current = true;
    el.scrollTop = el.scrollHeight;
  }, [pinKey]);

  return (
    <div
      ref={scroller}
      className="conversation"
      onScroll={(e) => {
        const el = e.currentTarget;
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
      }}
    >
      <div className="conversation-inner" role="log" aria-label="Conversation" aria-live="off">
        {children}
      </div>
    </div>
  );
}
