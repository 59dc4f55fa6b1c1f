import type { Metadata } from "next";
import { ErrorBoundary } from "@/components/chat/error-boundary";
import { CheckPage } from "@/components/check/check-page";
import { getCollection } from "@/lib/engine/collection";

export async function generateMetadata(): Promise<Metadata> {
  const { documents } = await getCollection();
  return { title: "Check a text", description: `Paste a text and see which of its statements ${documents} support, contradict, or do not mention.` };
}

export default function Check() {
  return (
    <ErrorBoundary>
      <CheckPage />
    </ErrorBoundary>
  );
}
