import type { AnswerMeta, ChatMessage } from "@/lib/engine/chat-message";
import type { Citation } from "@/lib/types";

/** What the chat shows of a message, read from its parts. */
export type MessageView = {
  text: string;
  citations: Citation[];
  answer?: AnswerMeta;
  /** Titles from `source-document` parts, for when the citations part is missing. */
  sourceTitles: string[];
};

export function viewOf(message: ChatMessage): MessageView {
  let text = "";
  let citations: Citation[] = [];
  let answer: AnswerMeta | undefined;
  const sourceTitles: string[] = [];
  for (const part of message.parts) {
    switch (part.type) {
      case "text":
        text += part.text;
        break;
      case "data-citations":
        citations = Array.isArray(part.data) ? part.data : [];
        break;
      case "data-answer":
        answer = part.data;
        break;
      case "source-document":
        if (part.title && !sourceTitles.includes(part.title)) sourceTitles.push(part.title);
        break;
      default:
        break;
    }
  }
  return { text, citations, answer, sourceTitles };
}
