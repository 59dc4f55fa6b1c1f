/** Shown while the question is on its way and nothing of the answer has arrived yet. */
export function Thinking() {
  return (
    <div className="thinking" role="status">
      <span className="thinking-dots" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      Searching the documents…
    </div>
  );
}
