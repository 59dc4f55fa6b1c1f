/** A question the user asked. */
export function UserMessage({ text }: { text: string }) {
  return (
    <div className="message message-user" data-role="user">
      <h2 className="visually-hidden">You said:</h2>
      <div className="user-bubble">{text}</div>
    </div>
  );
}
