"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { Citation } from "@/lib/types";
import { CitationPreview, type PreviewPosition } from "./citation-preview";

type Props = {
  n: number;
  /** Unknown while the answer is still streaming, before its citations have arrived. */
  citation?: Citation;
  active?: boolean;
  onOpen?: (citation: Citation, chip: HTMLElement) => void;
};

const PREVIEW_WIDTH = 360;
const MARGIN = 8;

function placePreview(chip: HTMLElement): PreviewPosition {
  const rect = chip.getBoundingClientRect();
  const vw = document.documentElement.clientWidth;
  const vh = window.innerHeight;
  const width = Math.min(PREVIEW_WIDTH, vw - 2 * MARGIN);
  const left = Math.max(MARGIN, Math.min(rect.left + rect.width / 2 - width / 2, vw - width - MARGIN));
  // Above the chip when there is room, below otherwise.
  if (rect.top > 260) return { left, bottom: vh - rect.top + 6, width };
  return { left, top: rect.bottom + 6, width };
}

/**
 * Chips whose preview was dismissed with Escape, or that got focus back from the source panel: no preview
 * pops up until the pointer or focus leaves them. Otherwise it would come back at once (focus returns, or
 * the chip slides back under the pointer as the panel closes) and cover the text after the chip.
 */
const quiet = new WeakSet<HTMLElement>();

/** Gives focus back to a chip (e.g. when the source panel closes) without showing its preview. */
export function focusWithoutPreview(element: HTMLElement): void {
  quiet.add(element);
  element.focus();
}

/** A small numbered chip for an [n] marker: previews its passage on hover or focus, opens it on click. */
export function CitationChip({ n, citation, active = false, onOpen }: Props) {
  const id = useId();
  const previewId = `${id}-preview`;
  const [position, setPosition] = useState<PreviewPosition | null>(null);
  // The preview is drawn in the chip's landmark (its position is fixed), so that all text is in one.
  const [container, setContainer] = useState<HTMLElement | null>(null);
  const hideTimer = useRef<number | undefined>(undefined);
  const chipRef = useRef<HTMLButtonElement>(null);

  const cancelHide = useCallback(() => window.clearTimeout(hideTimer.current), []);
  const show = useCallback(
    (chip: HTMLElement) => {
      cancelHide();
      if (!citation) return;
      setPosition(placePreview(chip));
      setContainer(chip.closest<HTMLElement>("main") ?? document.body);
    },
    [cancelHide, citation],
  );
  const hide = useCallback(() => {
    cancelHide();
    setPosition(null);
  }, [cancelHide]);
  const hideSoon = useCallback(() => {
    cancelHide();
    hideTimer.current = window.setTimeout(() => setPosition(null), 120);
  }, [cancelHide]);

  // A fixed-position preview would drift away from its chip when the page scrolls or resizes.
  const open = position !== null;
  useEffect(() => {
    if (!open) return;
    window.addEventListener("scroll", hide, true);
    window.addEventListener("resize", hide);
    return () => {
      window.removeEventListener("scroll", hide, true);
      window.removeEventListener("resize", hide);
    };
  }, [open, hide]);
  // Escape dismisses the preview wherever focus is (it may be shown by hovering), before anything else
  // that Escape would close, such as the source panel.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.preventDefault();
      e.stopPropagation();
      hide();
      if (chipRef.current) quiet.add(chipRef.current);
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [open, hide]);
  useEffect(() => () => window.clearTimeout(hideTimer.current), []);

  const label = citation ? `Citation ${n}: ${citation.title}` : `Citation ${n}`;
  return (
    <>
      <button
        ref={chipRef}
        type="button"
        className="citation-chip"
        data-citation={n}
        data-active={active || undefined}
        aria-label={label}
        aria-describedby={open ? previewId : undefined}
        aria-haspopup={citation ? "dialog" : undefined}
        disabled={!citation}
        onPointerEnter={(e) => e.pointerType === "mouse" && !quiet.has(e.currentTarget) && show(e.currentTarget)}
        onPointerLeave={(e) => {
          if (e.pointerType !== "mouse") return;
          quiet.delete(e.currentTarget);
          hideSoon();
        }}
        onFocus={(e) => !quiet.has(e.currentTarget) && e.currentTarget.matches(":focus-visible") && show(e.currentTarget)}
        onBlur={(e) => {
          quiet.delete(e.currentTarget);
          hide();
        }}
        onClick={(e) => {
          hide();
          if (citation) onOpen?.(citation, e.currentTarget);
        }}
      >
        {n}
      </button>
      {open && citation && container && (
        <CitationPreview
          id={previewId}
          container={container}
          citation={citation}
          position={position}
          onPointerEnter={cancelHide}
          onPointerLeave={hideSoon}
        />
      )}
    </>
  );
}
