// Moved to lib/engine/chat-message.ts. Kept only for components/, which another branch is
// reorganising: delete this file once components/ imports "@/lib/engine/chat-message".
export type { AnswerMeta, ChatDataParts, ChatMessage } from "@/lib/engine/chat-message";
