import { Chat } from "@/components/chat";
import { ErrorBoundary } from "@/components/error-boundary";

export default function HomePage() {
  return (
    <ErrorBoundary>
      <Chat />
    </ErrorBoundary>
  );
}
