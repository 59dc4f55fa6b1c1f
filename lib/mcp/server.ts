import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { formatAnswer, formatCitation } from "@/lib/citations/format";
import { ask } from "@/lib/engine/ask";
import { check } from "@/lib/engine/check";
import { getDocument } from "@/lib/engine/documents";
import { search } from "@/lib/engine/search";
import { verify } from "@/lib/engine/verify";
import { toAppError } from "@/lib/errors";
import { askRequestSchema } from "@/lib/schemas/ask";
import { checkRequestSchema } from "@/lib/schemas/check";
import { documentRequestSchema } from "@/lib/schemas/document";
import {
  askResponseSchema,
  checkResponseSchema,
  documentResponseSchema,
  searchResponseSchema,
  verifyResponseSchema,
} from "@/lib/schemas/responses";
import { searchRequestSchema } from "@/lib/schemas/search";
import { verifyRequestSchema } from "@/lib/schemas/verify";
import type { Citation } from "@/lib/types";

/** How a transport runs a tool's work: over HTTP, in turn with the other heavy requests. */
export type RunTool = <T>(work: () => Promise<T>) => Promise<T>;

/** The structured result, and a text rendering of it for clients that show only text. */
async function result<T extends object>(run: RunTool, work: () => Promise<T>, text: (value: T) => string): Promise<CallToolResult> {
  try {
    const value = await run(work);
    return { structuredContent: value as Record<string, unknown>, content: [{ type: "text", text: text(value) }] };
  } catch (error) {
    // The message a client of the HTTP API would get (unexpected errors are logged, not shown).
    return { isError: true, content: [{ type: "text", text: toAppError(error).messageForClient() }] };
  }
}

const passagesText = (passages: Omit<Citation, "n">[]) => passages.map((p, i) => formatCitation({ ...p, n: i + 1 })).join("\n") || "No passages found.";

/**
 * The MCP server over the engine: each tool takes its HTTP route's request schema and calls
 * the route's engine function. Both transports (/mcp and `npm run mcp`) build it here.
 */
export function createMcpServer(run: RunTool = (work) => work()): McpServer {
  const server = new McpServer({ name: "nato-docs", version: "1.0.0" });
  server.registerTool(
    "search",
    {
      title: "Search the documents",
      description: "The passages of the documents most relevant to a query, best first (as GET /api/search). q: the query; k: how many (1..50, default 6).",
      inputSchema: searchRequestSchema,
      outputSchema: searchResponseSchema,
      annotations: { readOnlyHint: true },
    },
    (args) => result(run, () => search(args), (r) => passagesText(r.results)),
  );
  server.registerTool(
    "ask",
    {
      title: "Answer a question from the documents",
      description:
        "Answers a question from the documents only, with [n] markers pointing at the citations (as POST /api/ask). answered is false when the documents hold no sufficient evidence. history: earlier turns, for follow-up questions.",
      inputSchema: askRequestSchema,
      outputSchema: askResponseSchema,
      annotations: { readOnlyHint: true },
    },
    (args) => result(run, () => ask(args), (r) => formatAnswer(r.answer, r.citations)),
  );
  server.registerTool(
    "get_document",
    {
      title: "Read a document",
      description: "The full text of a document, which citations' start and end offsets point into (as GET /api/documents/:docId).",
      inputSchema: documentRequestSchema,
      outputSchema: documentResponseSchema,
      annotations: { readOnlyHint: true },
    },
    (args) => result(run, () => getDocument(args.docId), (d) => `${d.title}\n\n${d.text}`),
  );
  server.registerTool(
    "verify",
    {
      title: "Verify an answer's citations",
      description:
        "Verifies an answer with [n] markers written elsewhere against the citations it points at (as POST /api/verify): which sentences their citations support; markers without a citation are dropped.",
      inputSchema: verifyRequestSchema,
      outputSchema: verifyResponseSchema,
      annotations: { readOnlyHint: true },
    },
    (args) =>
      result(run, () => verify(args), (r) =>
        r.sentences.map((s) => `${s.supported ? "supported" : "NOT supported"}: ${s.text}`).join("\n"),
      ),
  );
  server.registerTool(
    "check",
    {
      title: "Check a text's claims against the documents",
      description:
        "Checks each claim of a text against the documents (as POST /api/check): supported, contradicted or not_found, with the evidence passages as citations.",
      inputSchema: checkRequestSchema,
      outputSchema: checkResponseSchema,
      annotations: { readOnlyHint: true },
    },
    (args) =>
      result(run, () => check(args), (r) =>
        r.claims.map((c) => `${c.verdict} (${c.confidence.toFixed(2)}): ${c.text}${c.evidence.map((e) => `\n  ${formatCitation(e)}`).join("")}`).join("\n"),
      ),
  );
  return server;
}
