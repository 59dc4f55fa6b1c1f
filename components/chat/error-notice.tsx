"use client";

import { AlertIcon, RetryIcon } from "@/components/ui/icons";
import { describeChatError } from "./describe-chat-error";

type Props = { error: Error; onRetry: () => void };

/** An error in the conversation, with a way to try again. */
export function ErrorNotice({ error, onRetry }: Props) {
  const info = describeChatError(error);
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
