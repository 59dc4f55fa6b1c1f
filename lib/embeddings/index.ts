import { env } from "@/lib/env";
import { createOpenAICompatibleEmbedder, createOpenAIEmbedder } from "./openai";
import type { Embedder } from "./types";
import { createUseLiteEmbedder } from "./use-lite";

export type { Embedder } from "./types";

let embedder: Promise<Embedder> | undefined;

/** The embedder EMBEDDING_PROVIDER names, created once per process (a failed start is retried). */
export function getEmbedder(): Promise<Embedder> {
  embedder ??= create().catch((error) => {
    embedder = undefined;
    throw error;
  });
  return embedder;
}

function create(): Promise<Embedder> {
  const e = env();
  switch (e.EMBEDDING_PROVIDER) {
    case "openai":
      return createOpenAIEmbedder(e);
    case "openai-compatible":
      return createOpenAICompatibleEmbedder(e);
    case "use-lite":
      return createUseLiteEmbedder();
  }
}
