"use client";

import { LogoIcon, PlusIcon } from "@/components/ui/icons";

/** The top bar: the product's name and "New chat". */
type Props = { onNewChat: () => void; canReset: boolean; inert?: boolean };

export function ChatHeader({ onNewChat, canReset, inert }: Props) {
  return (
    <header className="header" inert={inert}>
      <div className="brand">
        <span className="brand-logo" aria-hidden="true">
          <LogoIcon size={22} />
        </span>
        <h1 className="brand-name">NATO Docs Q&amp;A</h1>
        <span className="brand-tag">Cited answers from NATO documents</span>
      </div>
      <button type="button" className="button button-secondary new-chat" onClick={onNewChat} disabled={!canReset}>
        <PlusIcon size={16} />
        <span className="new-chat-label">New chat</span>
      </button>
    </header>
  );
}
