"use client";

import { AlertIcon, RetryIcon } from "@/components/ui/icons";
import { describeChatError, type ChatErrorInfo } from "./describe-chat-error";

type Props = {
  error: Error;
  onRetry: () => void;
  /** Words for the error; pages other than the chat say what they were doing. */
  describe?: (error: Error) => ChatErrorInfo;
};

/** An error in the conversation, with a way to try again. */
export function ErrorNotice({ error, onRetry, describe = describeChatError }: Props) {
  const info = describe(error);
  return (
    <div className="error-notice" role="alert" data-testid="chat-error" data-error-code={info.code}>
      <AlertIcon size={18} className="error-icon" />
      <div className="error-body">
        <p className="error-title">{info.title}</p>
        <p className="error-detail">{info.detail}</p>
      </div>
      <button type="button" className="button button-secondary error-retry" onClick={onRetry}>
        <RetryIcon size={15} />
        Retry
      </button>
    </div>
  );
}
