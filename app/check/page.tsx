import type { Metadata } from "next";
import { ErrorBoundary } from "@/components/chat/error-boundary";
import { CheckPage } from "@/components/check/check-page";

export const metadata: Metadata = {
  title: "Check a text · NATO Docs Q&A",
  description: "Paste a text and see which of its statements the NATO documents support, contradict, or do not mention.",
};

export default function Check() {
  return (
    <ErrorBoundary>
      <CheckPage />
    </ErrorBoundary>
  );
}
