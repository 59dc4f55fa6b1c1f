import { terms } from "@/lib/text/normalize";
import type { HistoryMessage } from "@/lib/types";

const LEANS_ON_CONTEXT = /^\s*(and|but|also|so|then|what about|how about|and what about)\b|\b(it|its|they|them|their|this|that|these|those|he|she|his|her|there|ones?)\b/i;

/** Whether a question needs the conversation to make sense ("and when did Sweden join?"). */
export function isFollowUp(question: string, history: HistoryMessage[]): boolean {
  if (!history.some((m) => m.role === "user")) return false;
  return LEANS_ON_CONTEXT.test(question) || terms(question).length <= 2;
}

/** The retrieval query: the question, plus the last question asked when this one leans on it. */
export function contextualQuery(question: string, history: HistoryMessage[]): string {
  if (!isFollowUp(question, history)) return question;
  const lastUser = [...history].reverse().find((m) => m.role === "user");
  return `${question} ${lastUser!.content}`;
}
