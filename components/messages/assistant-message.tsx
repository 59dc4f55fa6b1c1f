"use client";

import type { ChatMessage } from "@/lib/engine/chat-message";
import type { AnswerSentence, Citation } from "@/lib/types";
import { SourcesList } from "@/components/sources/sources-list";
import { LogoIcon } from "@/components/ui/icons";
import { AnswerRemark } from "./answer-remark";
import { AnswerText } from "./answer-text";
import { locateSentences, withoutPartialMarker } from "./answer-tokens";
import { viewOf } from "./message-view";
import { NotCoveredNote } from "./not-covered-note";
import { Thinking } from "./thinking";
import { UnsupportedNote } from "./unsupported-note";

/** Where the sentences that their citations do not support are: their offsets, or found by their text. */
function unsupportedSpans(text: string, sentences: AnswerSentence[]): { start: number; end: number }[] {
  const flagged = sentences.filter((s) => !s.supported);
  const placed = flagged.filter(
    (s) => s.start !== undefined && s.end !== undefined && s.start < s.end && s.end <= text.length,
  );
  if (placed.length === flagged.length) return placed.map((s) => ({ start: s.start!, end: s.end! }));
  return locateSentences(
    text,
    flagged.map((s) => s.text),
  );
}

type Props = {
  message: ChatMessage;
  streaming: boolean;
  stopped: boolean;
  activeCitation?: { messageId: string; n: number } | null;
  onOpenCitation: (messageId: string, citation: Citation, trigger: HTMLElement) => void;
};

/** An answer: its text with citation chips, notes about it, and the documents it cites. */
export function AssistantMessage({ message, streaming, stopped, activeCitation, onOpenCitation }: Props) {
  const view = viewOf(message);
  const text = streaming ? withoutPartialMarker(view.text) : view.text;
  const unsupported = unsupportedSpans(view.text, view.answer?.sentences ?? []);
  const open = (citation: Citation, trigger: HTMLElement) => onOpenCitation(message.id, citation, trigger);
  const activeN = activeCitation?.messageId === message.id ? activeCitation.n : undefined;
  const done = !streaming;

  return (
    <div className="message message-assistant" data-role="assistant" aria-busy={streaming || undefined}>
      <div className="assistant-avatar" aria-hidden="true">
        <LogoIcon size={18} />
      </div>
      <div className="assistant-body">
        <h2 className="visually-hidden">Answer:</h2>
        {text ? (
          <AnswerText
            text={text}
            citations={view.citations}
            unsupported={unsupported}
            activeN={activeN}
            streaming={streaming}
            onOpenCitation={open}
          />
        ) : streaming ? (
          <Thinking />
        ) : null}
        {stopped && (
          <p className="stopped-note" role="note">
            Stopped. The answer may be incomplete.
          </p>
        )}
        {done && view.answer?.answered === false && <NotCoveredNote />}
        {done && unsupported.length > 0 && <UnsupportedNote count={unsupported.length} />}
        {done && view.answer?.note && <AnswerRemark>{view.answer.note}</AnswerRemark>}
        <SourcesList citations={view.citations} titles={view.sourceTitles} onOpenCitation={open} />
      </div>
    </div>
  );
}
