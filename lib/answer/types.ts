import type { IndexView } from "@/lib/index/view";
import type { RankedSentence } from "./ranking/model";
import type { Retrieval } from "@/lib/retrieval/search";
import type { AnswerSentence, Citation, HistoryMessage } from "@/lib/types";

/** Everything an answerer may use: the question, the conversation, what retrieval found. */
export type AnswerInput = {
  question: string;
  history: HistoryMessage[];
  store: IndexView;
  retrieval: Retrieval;
  /** The candidate sentences of those passages, best first by the fitted model. */
  sentences: RankedSentence[];
  /** Share of the question's words the collection never uses (a clue to an off-topic question). */
  unknownWords: number;
};

export type Answer = {
  answer: string;
  answered: boolean;
  citations: Citation[];
  model: string;
  sentences?: AnswerSentence[];
  note?: string;
};
