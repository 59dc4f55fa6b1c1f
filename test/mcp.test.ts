import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskResponse, CheckResponse, Citation, DocumentRecord, Passage } from "@/lib/types";
import { startServer, type TestServer } from "./server";

const TOOLS = ["ask", "check", "get_document", "search", "verify"];

type ToolResult = { structuredContent?: Record<string, unknown>; content: { type: string; text?: string }[]; isError?: boolean };

async function call<T>(client: Client, name: string, args: Record<string, unknown>): Promise<{ value: T; text: string }> {
  const result = (await client.callTool({ name, arguments: args })) as ToolResult;
  expect(result.isError ?? false).toBe(false);
  return { value: result.structuredContent as T, text: result.content.map((c) => c.text ?? "").join("\n") };
}

describe("MCP over Streamable HTTP (/mcp)", () => {
  let server: TestServer;
  let client: Client;
  let documents: Map<string, string>;

  /** A citation is what the document says between its offsets. */
  const expectFromDocument = async (c: Passage) => {
    if (!documents.has(c.docId)) documents.set(c.docId, (await call<DocumentRecord>(client, "get_document", { docId: c.docId })).value.text);
    expect(documents.get(c.docId)!.slice(c.start, c.end)).toBe(c.text);
  };

  beforeAll(async () => {
    server = await startServer();
    client = new Client({ name: "mcp-test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
    documents = new Map();
  });
  afterAll(async () => {
    await client?.close();
    await server?.stop();
  });

  it("lists the tools with input and output schemas", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(TOOLS);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe("object");
      expect(tool.outputSchema?.type).toBe("object");
    }
    expect(tools.find((t) => t.name === "ask")?.inputSchema.required).toEqual(["question"]);
  });

  it("ask: answers with [n] markers and the citations, in the structured output and the text", async () => {
    const { value, text } = await call<AskResponse>(client, "ask", { question: "Where is NATO's main headquarters?" });
    expect(value.answered).toBe(true);
    expect(value.answer).toMatch(/Brussels/);
    expect(value.answer).toMatch(/\[1\]/);
    expect(value.citations.length).toBeGreaterThan(0);
    for (const c of value.citations) await expectFromDocument(c);
    expect(text).toContain(value.answer);
    expect(text).toContain(`[1] ${value.citations[0].title}`);
  });

  it("search: returns passages from the documents", async () => {
    const { value, text } = await call<{ query: string; results: Passage[] }>(client, "search", { q: "Article 5 collective defence", k: 3 });
    expect(value.results).toHaveLength(3);
    for (const p of value.results) await expectFromDocument(p);
    expect(text).toContain(value.results[0].title);
  });

  it("get_document: the full text; an unknown id is a tool error", async () => {
    const { value: found } = await call<{ results: Passage[] }>(client, "search", { q: "headquarters" });
    const { value } = await call<DocumentRecord>(client, "get_document", { docId: found.results[0].docId });
    expect(value.text.length).toBeGreaterThan(100);
    const missing = (await client.callTool({ name: "get_document", arguments: { docId: "no-such-document" } })) as ToolResult;
    expect(missing.isError).toBe(true);
    expect(missing.content[0].text).toMatch(/no document "no-such-document"/);
  });

  it("verify: judges an answer written elsewhere against its citations", async () => {
    const { value: asked } = await call<AskResponse>(client, "ask", { question: "Where is NATO's main headquarters?" });
    const { value } = await call<{ answer: string; citations: Citation[]; sentences: { supported: boolean }[] }>(client, "verify", {
      answer: "NATO's headquarters are in Brussels [1].",
      citations: [asked.citations[0]],
    });
    expect(value.sentences[0].supported).toBe(true);
    expect(value.citations[0].quote).toBeDefined();
  });

  it("check: gives each claim a verdict, with evidence citations", async () => {
    const { value } = await call<CheckResponse>(client, "check", { text: "NATO's headquarters are in Brussels." });
    expect(value.claims[0].verdict).toBe("supported");
    for (const e of value.claims[0].evidence) await expectFromDocument(e);
  });

  it("refuses arguments its route would refuse", async () => {
    const result = (await client.callTool({ name: "ask", arguments: { question: "" } }).catch((e: Error) => ({
      isError: true,
      content: [{ type: "text", text: e.message }],
    }))) as ToolResult;
    expect(result.isError).toBe(true);
    expect(result.content[0].text).toMatch(/question/);
  });
});

describe("MCP over stdio (npm run mcp)", () => {
  it("lists the tools and answers with citations", async () => {
    const client = new Client({ name: "mcp-test", version: "1.0.0" });
    const transport = new StdioClientTransport({ command: "npx", args: ["tsx", "scripts/mcp.ts"], stderr: "pipe" });
    await client.connect(transport);
    try {
      expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual(TOOLS);
      const { value, text } = await call<AskResponse>(client, "ask", { question: "Where is NATO's main headquarters?" });
      expect(value.answer).toMatch(/Brussels/);
      expect(value.citations[0].n).toBe(1);
      expect(text).toContain(`[1] ${value.citations[0].title}`);
    } finally {
      await client.close();
    }
  });
});
