"use client";

import { useEffect, useState } from "react";
import type { Span } from "@/lib/text/spans";
import { LinkIcon } from "@/components/ui/icons";
import { passageHref } from "./passage-link";

type Copy = "idle" | "copied" | "failed";

/** "Copy link" and "Open in the library" for a passage: /documents/<docId>#<start>-<end>, which anyone can open. */
export function PassageLinkActions({ docId, span }: { docId: string; span: Span }) {
  const href = passageHref(docId, span);
  const [copy, setCopy] = useState<{ href: string; state: Copy }>({ href, state: "idle" });
  const state = copy.href === href ? copy.state : "idle";

  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setCopy({ href, state: "idle" }), 3000);
    return () => clearTimeout(timer);
  }, [state, href]);

  const onCopy = async () => {
    const url = new URL(href, window.location.href).href;
    try {
      await navigator.clipboard.writeText(url);
      setCopy({ href, state: "copied" });
    } catch {
      // No clipboard (a page served over plain http to another machine, or permission refused).
      setCopy({ href, state: "failed" });
    }
  };

  return (
    <div className="panel-actions">
      <button type="button" className="button button-secondary" onClick={() => void onCopy()} data-href={href}>
        <LinkIcon size={14} />
        Copy link
      </button>
      <a href={href} target="_blank" rel="noopener noreferrer">
        Open in the library<span className="visually-hidden"> (opens in a new tab)</span>
      </a>
      <span role="status" className="panel-copy-status">
        {state === "copied" ? "Link copied." : state === "failed" ? "Could not copy: open the passage and copy its address." : ""}
      </span>
    </div>
  );
}
