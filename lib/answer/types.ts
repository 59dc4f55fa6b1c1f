import type { IndexStore } from "@/lib/index/store";
import type { Retrieval } from "@/lib/retrieval/search";
import type { AnswerSentence, Citation, HistoryMessage } from "@/lib/types";

/** Everything an answerer may use: the question, the conversation, what retrieval found. */
export type AnswerInput = {
  question: string;
  history: HistoryMessage[];
  store: IndexStore;
  retrieval: Retrieval;
};

export type Answer = {
  answer: string;
  answered: boolean;
  citations: Citation[];
  model: string;
  sentences?: AnswerSentence[];
  note?: string;
};
