import type { UIMessage } from "ai";
import type { AnswerSentence, Citation } from "@/lib/types";

/** What /api/chat sends besides the text: the citations, and facts about the answer. */
export type AnswerMeta = {
  answered: boolean;
  model: string;
  sentences?: AnswerSentence[];
  note?: string;
};

export type ChatDataParts = {
  citations: Citation[];
  answer: AnswerMeta;
};

/** The UI message type shared by /api/chat and the chat page's useChat. */
export type ChatMessage = UIMessage<never, ChatDataParts>;
