/** The public types of ../shared/API.md, plus the internal records the index stores. */

export type Passage = {
  /** Stable across re-ingests of an unchanged document. */
  chunkId: string;
  /** Stable id of the source document, derived from its file name. */
  docId: string;
  title: string;
  source: string | null;
  publishedAt: string | null;
  /** Exactly documentText(docId).slice(start, end). */
  text: string;
  start: number;
  end: number;
  /** Higher is more relevant. */
  score: number;
  /** Headings above the passage, outermost first (extension of the contract). */
  section?: string[];
  /** The PDF page the passage starts on, from 1 (extension of the contract; PDF documents only). */
  page?: number;
};

export type Citation = Passage & {
  n: number;
  quote?: { start: number; end: number };
};

/** One sentence of an answer and whether the passages it cites support it (verification). */
export type AnswerSentence = {
  /** The sentence as it stands in the answer, markers included. */
  text: string;
  /** The citation numbers it cites; none means it is uncited, hence unsupported. */
  citations: number[];
  supported: boolean;
  /** Offsets of the sentence in the answer text. */
  start?: number;
  end?: number;
  /** Support score (0..1) of its best evidence; absent for uncited sentences. */
  score?: number;
};

export type AskResponse = {
  question: string;
  answer: string;
  answered: boolean;
  citations: Citation[];
  retrieved: Passage[];
  model: string;
  timings: { retrieveMs: number; answerMs: number; totalMs: number };
  /** Per-sentence verification verdicts (extension of the contract). */
  sentences?: AnswerSentence[];
  /** Set when the configured answerer failed and the extractive one answered instead. */
  note?: string;
};

export type DocumentMeta = {
  docId: string;
  title: string;
  source: string | null;
  publishedAt: string | null;
};

/** The file formats a corpus document can come in; each is converted once to the text citations point into. */
export const DOCUMENT_FORMATS = ["txt", "md", "html", "pdf", "docx"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export type DocumentRecord = DocumentMeta & {
  text: string;
  /** The format of the file it was read from, and that file's size in bytes. */
  format: DocumentFormat;
  bytes: number;
  /** PDF only: the offset in `text` where each page starts (pages[0] is page 1). */
  pages?: number[];
};

/** A chunk as the index stores it. */
export type Chunk = {
  chunkId: string;
  docId: string;
  text: string;
  start: number;
  end: number;
  section: string[];
};

export type HistoryMessage = { role: "user" | "assistant"; content: string };

/** One claim of a checked text (POST /api/check, `npm run check`). */
export type CheckedClaim = {
  /** Offsets of the claim in the submitted text. */
  start: number;
  end: number;
  text: string;
  verdict: "supported" | "contradicted" | "not_found";
  confidence: number;
  /** Best supporting or contradicting passages; quote = the span. */
  evidence: Citation[];
  /** When the claim carried a citation: does the cited passage back it? */
  cited?: { supported: boolean };
};

export type CheckResponse = {
  claims: CheckedClaim[];
  counts: { supported: number; contradicted: number; not_found: number };
};
