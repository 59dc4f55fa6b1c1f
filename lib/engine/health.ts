import { configuredLlm } from "@/lib/answer/llm/model";
import { getEngine } from "./engine";

export type Health = { status: "ok"; documents: number; chunks: number; embedder: string; answerer: string };

export async function health(): Promise<Health> {
  const { store, embedder } = await getEngine();
  return { status: "ok", documents: store.manifest.counts.documents, chunks: store.manifest.counts.chunks, embedder: embedder.id, answerer: answererName() };
}

/** The configured answerer, as AskResponse.model names it. */
export function answererName(): string {
  return configuredLlm()?.name ?? "extractive";
}
