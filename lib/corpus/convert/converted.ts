/**
 * A file converted to the one text the index stores, cites and highlights, or why it cannot be.
 * `title` is the document's own title when the file says one; `pages` the start offset of
 * every page in `text` (PDF only).
 */
export type ConvertedText = { text: string; title: string | null; pages?: number[] };
export type Conversion = ConvertedText | { problem: string };
