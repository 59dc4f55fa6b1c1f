import { terms } from "@/lib/text/normalize";
import type { HistoryMessage } from "@/lib/types";

/** Ellipsis: a question that continues the last one ("and Sweden?", "what about Spain?"). */
const CONTINUES = /^\s*(?:and|but|also|so|then|what about|how about)\b/i;
/** Pronouns that point back at something named before. */
const PRONOUN = /\b(?:it|its|they|them|their|he|him|his|she|her)\b/i;
/** "this/these/those plan", and "that" where it points ("what did that mean", "about that") rather than relates. */
const DEMONSTRATIVE = /\b(?:this|these|those)\b|(?:^|\b(?:about|of|in|on|for|with|by|did|does|do|is|was|are|were|after|before|from))\s+that\b/i;
/** A name written inside the question (a capitalised word after the first). */
const NAME_BEFORE = /^\s*\S+.*?\b\p{Lu}\p{Ll}/u;

/** Whether a pronoun in the question can only mean something said earlier: none of its own names come before it. */
function pointsBack(question: string): boolean {
  const pronoun = PRONOUN.exec(question);
  return !!pronoun && !NAME_BEFORE.test(question.slice(0, pronoun.index));
}

/**
 * Whether a question needs the conversation to make sense: by ellipsis ("and Sweden?", a
 * fragment of fewer than two content words) or by reference ("what replaced it?", "that plan").
 * A complete question ("Is Sweden a member?") stands on its own, however short.
 */
export function isFollowUp(question: string, history: HistoryMessage[]): boolean {
  if (!history.some((m) => m.role === "user")) return false;
  return CONTINUES.test(question) || terms(question).length < 2 || pointsBack(question) || DEMONSTRATIVE.test(question);
}

/** The retrieval query: the question, plus the last question asked when this one leans on it. */
export function contextualQuery(question: string, history: HistoryMessage[]): string {
  if (!isFollowUp(question, history)) return question;
  const lastUser = [...history].reverse().find((m) => m.role === "user");
  return `${question} ${lastUser!.content}`;
}
