"use client";

import { forwardRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useCollection } from "@/components/collection/collection-context";
import { ArrowUpIcon, StopIcon } from "@/components/ui/icons";

type Props = {
  busy: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
};

const MAX_LENGTH = 2000;

function fit(textarea: HTMLTextAreaElement) {
  textarea.style.height = "auto";
  textarea.style.height = `${Math.min(textarea.scrollHeight, 200)}px`;
}

/** The question box: Enter sends, Shift+Enter starts a new line; a stop button while an answer streams. */
export const Composer = forwardRef<HTMLTextAreaElement, Props>(function Composer({ busy, onSend, onStop }, ref) {
  const { documents, placeholder } = useCollection();
  const [value, setValue] = useState("");
  const canSend = !busy && value.trim().length > 0;

  const submit = (form: HTMLFormElement | null) => {
    if (!canSend) return;
    onSend(value.trim());
    setValue("");
    const textarea = form?.querySelector("textarea");
    if (textarea) {
      textarea.style.height = "auto";
    }
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    submit(e.currentTarget);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit(e.currentTarget.form);
    }
  };

  return (
    <form className="composer" onSubmit={onSubmit} aria-label="Ask a question">
      <label htmlFor="question" className="visually-hidden">
        Your question about {documents}
      </label>
      <textarea
        ref={ref}
        id="question"
        name="question"
        className="composer-input"
        rows={1}
        maxLength={MAX_LENGTH}
        placeholder={placeholder}
        value={value}
        aria-describedby="composer-hint"
        onChange={(e) => {
          setValue(e.target.value);
          fit(e.target);
        }}
        onKeyDown={onKeyDown}
      />
      {busy ? (
        <button type="button" className="composer-button composer-stop" onClick={onStop} aria-label="Stop generating">
          <StopIcon size={12} />
        </button>
      ) : (
        <button type="submit" className="composer-button composer-send" disabled={!canSend} aria-label="Send question">
          <ArrowUpIcon size={18} />
        </button>
      )}
      <p id="composer-hint" className="composer-hint">
        <span className="hint-keys">Enter to send · Shift+Enter for a new line · </span>
        Answers come only from {documents}.
      </p>
    </form>
  );
});
