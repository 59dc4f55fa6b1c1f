import { describeChatError, type ChatErrorInfo } from "@/components/chat/describe-chat-error";

/** The chat's words for an error, with titles that speak of checking a text rather than asking. */
const BY_CODE: Record<string, Partial<ChatErrorInfo>> = {
  bad_request: { title: "The text could not be checked" },
  bad_input: { title: "The text could not be checked" },
  unsupported_media_type: { title: "The text could not be checked" },
  payload_too_large: { title: "This text is too long to check", detail: "Check a shorter text, or split it into parts." },
  rate_limited: { title: "Too many checks at once" },
};

export function describeCheckError(error: Error): ChatErrorInfo {
  const info = describeChatError(error);
  const own = info.code && Object.hasOwn(BY_CODE, info.code) ? BY_CODE[info.code] : undefined;
  return own ? { ...info, ...own } : info;
}
