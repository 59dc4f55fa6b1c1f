"use client";

import Link from "next/link";
import { useCollection } from "@/components/collection/collection-context";
import { LogoIcon } from "./icons";

/**
 * The product's logo and name. On the chat it is the page's heading; elsewhere (`home`) it links back to
 * the chat and leaves the heading to the page.
 */
export function Brand({ home = false }: { home?: boolean }) {
  const { name, tagline } = useCollection();
  const logo = (
    <span className="brand-logo" aria-hidden="true">
      <LogoIcon size={22} />
    </span>
  );
  if (home) {
    return (
      <Link href="/" className="brand brand-home">
        {logo}
        <span className="brand-name">{name}</span>
      </Link>
    );
  }
  return (
    <div className="brand">
      {logo}
      <h1 className="brand-name">{name}</h1>
      <span className="brand-tag">{tagline}</span>
    </div>
  );
}
