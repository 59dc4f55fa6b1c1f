import Link from "next/link";
import { Brand } from "@/components/ui/brand";
import { ArrowLeftIcon } from "@/components/ui/icons";

/** The top bar of the pages other than the chat (Check, Documents): the product's name and the way back to the chat. */
export function PageHeader({ inert }: { inert?: boolean }) {
  return (
    <header className="header" inert={inert}>
      <Brand home />
      <nav className="header-actions" aria-label="Pages">
        <Link href="/" className="button button-secondary header-link">
          <ArrowLeftIcon size={16} />
          <span className="header-link-label">Chat</span>
        </Link>
      </nav>
    </header>
  );
}
