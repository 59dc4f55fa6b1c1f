import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createOpenAICompatibleEmbedder, createOpenAIEmbedder } from "./openai";

const GOOD_KEY = "sk-test-good-0123456789";
const BAD_KEY = "sk-test-bad-9876543210";

/** A fake embedding: not unit length, and different for different texts. */
function fakeVector(text: string, dimensions: number): number[] {
  return Array.from({ length: dimensions }, (_, i) => ((text.charCodeAt(i % text.length) || 1) % 7) + i);
}

type Request = { path: string; authorization?: string; body: { model: string; input: string[] } };
let requests: Request[] = [];
let server: http.Server;
let baseUrl: string;

/** POST /v1/embeddings in OpenAI's format; a wrong key gets a 401 that echoes the key, as some servers do. */
beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      const body = JSON.parse(raw) as Request["body"];
      requests.push({ path: req.url ?? "", authorization: req.headers.authorization, body });
      res.setHeader("content-type", "application/json");
      if (req.method !== "POST" || req.url !== "/v1/embeddings") {
        res.writeHead(404).end(JSON.stringify({ error: { message: "not found" } }));
      } else if (req.headers.authorization !== `Bearer ${GOOD_KEY}`) {
        const message = `Incorrect API key provided: ${req.headers.authorization?.replace("Bearer ", "")}`;
        res.writeHead(401).end(JSON.stringify({ error: { message, type: "invalid_request_error" } }));
      } else {
        const dimensions = body.model === "text-embedding-3-small" ? 1536 : 8;
        const data = body.input.map((text, index) => ({ object: "embedding", index, embedding: fakeVector(text, dimensions) }));
        res.end(JSON.stringify({ object: "list", data, model: body.model, usage: { prompt_tokens: 3, total_tokens: 3 } }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections(); // the SDK's fetch keeps connections alive
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  requests = [];
});

function norm(v: Float32Array): number {
  return Math.hypot(...v);
}

describe("openai-compatible embedder", () => {
  const settings = () => ({ EMBEDDING_BASE_URL: baseUrl, EMBEDDING_MODEL: "fake-embed", EMBEDDING_API_KEY: GOOD_KEY });

  it("probes the size once, then embeds through the server into unit vectors in order", async () => {
    const embedder = await createOpenAICompatibleEmbedder(settings());
    expect(embedder.dimensions).toBe(8);
    expect(embedder.id).toBe(`openai-compatible:fake-embed@${baseUrl}`);
    expect(requests).toHaveLength(1);

    const texts = ["NATO was founded in 1949.", "Cats like to sleep in the sun", ""];
    const vectors = await embedder.embed(texts);
    expect(requests[1]).toMatchObject({ path: "/v1/embeddings", authorization: `Bearer ${GOOD_KEY}` });
    expect(requests[1].body).toMatchObject({ model: "fake-embed", input: ["NATO was founded in 1949.", "Cats like to sleep in the sun", " "] });
    expect(vectors).toHaveLength(3);
    vectors.forEach((v, i) => {
      expect(norm(v)).toBeCloseTo(1, 5);
      const raw = fakeVector(texts[i] || " ", 8);
      expect(v[3] / v[0]).toBeCloseTo(raw[3] / raw[0], 5); // same direction as the server's vector
    });
  });

  it("sends no request for no texts", async () => {
    const embedder = await createOpenAICompatibleEmbedder(settings());
    requests = [];
    expect(await embedder.embed([])).toEqual([]);
    expect(requests).toHaveLength(0);
  });

  it("reports a server error without the API key", async () => {
    const error = await createOpenAICompatibleEmbedder({ ...settings(), EMBEDDING_API_KEY: BAD_KEY }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.message).toMatch(/openai-compatible:fake-embed.*Incorrect API key/);
    expect(error.message).not.toContain(BAD_KEY);
    expect(JSON.stringify(error)).not.toContain(BAD_KEY);
    expect(error.cause).toBeUndefined();
  });

  it("needs a base URL and a model", async () => {
    await expect(createOpenAICompatibleEmbedder({ EMBEDDING_MODEL: "m" })).rejects.toThrow(/EMBEDDING_BASE_URL/);
    await expect(createOpenAICompatibleEmbedder({ EMBEDDING_BASE_URL: baseUrl })).rejects.toThrow(/EMBEDDING_MODEL/);
  });
});

describe("openai embedder", () => {
  it("needs OPENAI_API_KEY", async () => {
    await expect(createOpenAIEmbedder({})).rejects.toThrow(/OPENAI_API_KEY/);
  });

  it("knows text-embedding-3-small's size without a request and embeds through the API", async () => {
    process.env.OPENAI_BASE_URL = baseUrl; // read by @ai-sdk/openai
    try {
      const embedder = await createOpenAIEmbedder({ OPENAI_API_KEY: GOOD_KEY });
      expect(embedder).toMatchObject({ id: "openai:text-embedding-3-small", dimensions: 1536 });
      expect(requests).toHaveLength(0);
      const [v] = await embedder.embed(["Where is NATO headquartered?"]);
      expect(v).toHaveLength(1536);
      expect(norm(v)).toBeCloseTo(1, 5);
    } finally {
      delete process.env.OPENAI_BASE_URL;
    }
  });
});
