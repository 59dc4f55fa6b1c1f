"use client";

import Link from "next/link";
import { Brand } from "@/components/ui/brand";
import { CheckIcon, LibraryIcon, PlusIcon } from "@/components/ui/icons";

/** The top bar: the product's name, the ways to the Documents and Check pages, and "New chat". */
type Props = { onNewChat: () => void; canReset: boolean; inert?: boolean };

export function ChatHeader({ onNewChat, canReset, inert }: Props) {
  return (
    <header className="header" inert={inert}>
      <Brand />
      <nav className="header-actions" aria-label="Pages">
        <Link href="/documents" className="button button-secondary header-link">
          <LibraryIcon size={16} />
          <span className="header-link-label">Documents</span>
        </Link>
        <Link href="/check" className="button button-secondary header-link">
          <CheckIcon size={16} />
          <span className="header-link-label">Check a text</span>
        </Link>
        <button type="button" className="button button-secondary new-chat" onClick={onNewChat} disabled={!canReset}>
          <PlusIcon size={16} />
          <span className="new-chat-label">New chat</span>
        </button>
      </nav>
    </header>
  );
}
