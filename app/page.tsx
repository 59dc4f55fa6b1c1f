import { Chat } from "@/components/chat/chat";
import { ErrorBoundary } from "@/components/chat/error-boundary";

export default function HomePage() {
  return (
    <ErrorBoundary>
      <Chat />
    </ErrorBoundary>
  );
}
