import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { embedMany, type EmbeddingModel } from "ai";
import type { Env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { redact } from "@/lib/redact";
import type { Embedder } from "./types";
import { normalize } from "./vector";

const OPENAI_DEFAULT_MODEL = "text-embedding-3-small";
/** Sizes of OpenAI's models, so that starting needs no request; any other model is probed. */
const OPENAI_DIMENSIONS: Record<string, number> = {
  "text-embedding-3-small": 1536,
  "text-embedding-3-large": 3072,
  "text-embedding-ada-002": 1536,
};

export async function createOpenAIEmbedder(e: Pick<Env, "OPENAI_API_KEY" | "EMBEDDING_MODEL">): Promise<Embedder> {
  if (!e.OPENAI_API_KEY) throw new AppError("internal", "EMBEDDING_PROVIDER=openai needs OPENAI_API_KEY.");
  const model = e.EMBEDDING_MODEL ?? OPENAI_DEFAULT_MODEL;
  const provider = createOpenAI({ apiKey: e.OPENAI_API_KEY });
  return createRemoteEmbedder(`openai:${model}`, provider.embeddingModel(model), e.OPENAI_API_KEY, OPENAI_DIMENSIONS[model]);
}

/** Any server with OpenAI's POST /embeddings (Ollama, vLLM, LM Studio, ...); its size is probed once. */
export async function createOpenAICompatibleEmbedder(
  e: Pick<Env, "EMBEDDING_BASE_URL" | "EMBEDDING_MODEL" | "EMBEDDING_API_KEY">,
): Promise<Embedder> {
  if (!e.EMBEDDING_BASE_URL) {
    throw new AppError("internal", "EMBEDDING_PROVIDER=openai-compatible needs EMBEDDING_BASE_URL, e.g. http://localhost:11434/v1.");
  }
  if (!e.EMBEDDING_MODEL) throw new AppError("internal", "EMBEDDING_PROVIDER=openai-compatible needs EMBEDDING_MODEL.");
  const provider = createOpenAICompatible({ name: "embeddings", baseURL: e.EMBEDDING_BASE_URL, apiKey: e.EMBEDDING_API_KEY });
  const url = new URL(e.EMBEDDING_BASE_URL);
  const where = (url.origin + url.pathname).replace(/\/+$/, ""); // no credentials or query in the id
  return createRemoteEmbedder(
    `openai-compatible:${e.EMBEDDING_MODEL}@${where}`,
    provider.embeddingModel(e.EMBEDDING_MODEL),
    e.EMBEDDING_API_KEY,
  );
}

async function createRemoteEmbedder(
  id: string,
  model: EmbeddingModel,
  apiKey: string | undefined,
  knownDimensions?: number,
): Promise<Embedder> {
  const embed = async (texts: string[]): Promise<Float32Array[]> => {
    if (texts.length === 0) return [];
    try {
      // Empty strings are rejected by OpenAI's API.
      const { embeddings } = await embedMany({ model, values: texts.map((t) => t || " ") });
      return embeddings.map((v) => normalize(Float32Array.from(v)));
    } catch (error) {
      // No cause attached: the SDK's error carries the request and response, and so maybe the key.
      const message = error instanceof Error ? error.message : String(error);
      throw new AppError("internal", redact(`Embedding with ${id} failed: ${message}`, [apiKey]));
    }
  };
  const dimensions = knownDimensions ?? (await embed(["dimension probe"]))[0].length;
  return {
    id,
    dimensions,
    async embed(texts) {
      const vectors = await embed(texts);
      const wrong = vectors.find((v) => v.length !== dimensions);
      if (wrong) throw new AppError("internal", `${id} returned ${wrong.length} dimensions instead of ${dimensions}.`);
      return vectors;
    },
  };
}
