"use client";

import { useId, useRef, useState, type DragEvent, type FormEvent, type KeyboardEvent } from "react";
import { useCollection } from "@/components/collection/collection-context";
import { CheckIcon, DocumentIcon } from "@/components/ui/icons";

type Props = { busy: boolean; onCheck: (text: string) => void };

const TEXT_FILE = /\.(txt|md|markdown)$/i;

/** Reads a dropped or chosen file when it is plain text or Markdown; null for anything else. */
async function readTextFile(file: File): Promise<string | null> {
  if (!TEXT_FILE.test(file.name) && !file.type.startsWith("text/")) return null;
  return file.text();
}

/** The text to check: typed, pasted, dropped (.txt, .md) or opened; Ctrl+Enter checks it. */
export function CheckForm({ busy, onCheck }: Props) {
  const { documents } = useCollection();
  const [value, setValue] = useState("");
  const [dragging, setDragging] = useState(false);
  const [fileNote, setFileNote] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const canCheck = !busy && value.trim().length > 0;

  const load = async (file: File | undefined) => {
    if (!file) return;
    const text = await readTextFile(file);
    setFileNote(text === null ? `${file.name} is not a text file: drop a .txt or .md file, or paste the text.` : null);
    if (text !== null) setValue(text);
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (canCheck) onCheck(value);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.currentTarget.form?.requestSubmit();
    }
  };

  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes("Files")) return;
    e.preventDefault();
    setDragging(true);
  };

  const onDrop = (e: DragEvent) => {
    setDragging(false);
    if (e.dataTransfer.files.length === 0) return;
    e.preventDefault();
    void load(e.dataTransfer.files[0]);
  };

  return (
    <form className="check-form" onSubmit={onSubmit} aria-label="Text to check">
      <label htmlFor="check-text" className="check-label">
        Text to check
      </label>
      <textarea
        id="check-text"
        name="text"
        className="check-input"
        data-dragging={dragging || undefined}
        rows={8}
        placeholder="Paste a paragraph, a report or an AI's answer… or drop a .txt or .md file here."
        value={value}
        aria-describedby={hintId}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={onKeyDown}
        onDragOver={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      />
      <p id={hintId} className="check-hint">
        Each statement is checked against {documents}.<span className="hint-keys"> Ctrl+Enter to check.</span>
      </p>
      {fileNote && (
        <p className="note note-warning check-file-note" role="alert">
          {fileNote}
        </p>
      )}
      <div className="check-actions">
        <input
          ref={fileInput}
          type="file"
          accept=".txt,.md,.markdown,text/plain,text/markdown"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            void load(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
        <button type="button" className="button button-secondary" onClick={() => fileInput.current?.click()}>
          <DocumentIcon size={16} />
          Open a file
        </button>
        <button type="submit" className="button button-primary" disabled={!canCheck}>
          <CheckIcon size={16} />
          {busy ? "Checking…" : "Check"}
        </button>
      </div>
    </form>
  );
}
