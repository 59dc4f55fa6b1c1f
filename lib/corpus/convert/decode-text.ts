/** Decodes a file's bytes as UTF-8 text, or says why it is not a document. */
export function decodeText(bytes: Uint8Array): { text: string } | { problem: string } {
  if (bytes.length === 0) return { problem: "is empty" };
  if (bytes.includes(0)) return { problem: "looks binary (it contains NUL bytes)" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { problem: "is not valid UTF-8 text" };
  }
  if (!text.trim()) return { problem: "holds only whitespace" };
  return { text };
}
