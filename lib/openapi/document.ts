import { z } from "zod";
import { askRequestSchema } from "@/lib/schemas/ask";
import { chatRequestSchema } from "@/lib/schemas/chat";
import { checkRequestSchema } from "@/lib/schemas/check";
import { documentRequestSchema } from "@/lib/schemas/document";
import {
  askResponseSchema,
  checkResponseSchema,
  citationOutputSchema,
  documentListResponseSchema,
  documentResponseSchema,
  errorResponseSchema,
  healthResponseSchema,
  passageSchema,
  searchResponseSchema,
  verifyResponseSchema,
} from "@/lib/schemas/responses";
import { searchRequestSchema } from "@/lib/schemas/search";
import { citationSchema, verifyRequestSchema } from "@/lib/schemas/verify";

type Method = "get" | "post";

/** Where a request's fields travel: the JSON body, the query string or the path. */
type RequestIn = "body" | "query" | "path";

/** One operation of the HTTP API, described by the schemas its route parses and answers with. */
export type Operation = {
  path: string;
  method: Method;
  summary: string;
  request?: { in: RequestIn; schema: z.ZodObject; name: string; example: Record<string, unknown> };
  /** A component name from `responses` below, or a media type and a description for what is not JSON we describe. */
  response: { schema: string } | { type: string; description: string };
};

const HQ = "NATO's main headquarters are in Brussels, Belgium, while its military headquarters are near Mons, Belgium.";
const hqCitation = { n: 1, docId: "wikipedia-nato", start: 2981, end: 2981 + HQ.length, text: HQ };

/** Minimal JSON-RPC 2.0 envelope, enough to describe what POST /mcp takes. */
const mcpMessageSchema = z.object({
  jsonrpc: z.literal("2.0"),
  id: z.union([z.string(), z.number()]).optional(),
  method: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
});

/** The operations, each with the schema its route parses. test/openapi.test.ts checks that every route under app/api is here. */
export const OPERATIONS: Operation[] = [
  {
    path: "/api/chat",
    method: "post",
    summary: "The chat as @ai-sdk/react's useChat speaks it: an AI SDK UI message stream with the answer, source-document parts and a data-citations part.",
    request: {
      in: "body",
      schema: chatRequestSchema,
      name: "ChatRequest",
      example: { messages: [{ id: "m1", role: "user", parts: [{ type: "text", text: "Where is NATO's main headquarters?" }] }] },
    },
    response: { type: "text/event-stream", description: "AI SDK UI message stream (server-sent events)" },
  },
  {
    path: "/api/ask",
    method: "post",
    summary: "Answers a question from the documents, with [n] markers and their citations.",
    request: { in: "body", schema: askRequestSchema, name: "AskRequest", example: { question: "Where is NATO's main headquarters?", k: 6 } },
    response: { schema: "AskResponse" },
  },
  {
    path: "/api/search",
    method: "get",
    summary: "The passages most relevant to a query, best first.",
    request: { in: "query", schema: searchRequestSchema, name: "SearchRequest", example: { q: "collective defence", k: 3 } },
    response: { schema: "SearchResponse" },
  },
  {
    path: "/api/documents",
    method: "get",
    summary: "The library: every indexed document (title, source, date, format, size, chunks) and when the index was built.",
    response: { schema: "DocumentListResponse" },
  },
  {
    path: "/api/documents/{docId}",
    method: "get",
    summary: "A document's full text, which citations' offsets point into.",
    request: { in: "path", schema: documentRequestSchema, name: "DocumentRequest", example: { docId: "wikipedia-nato" } },
    response: { schema: "DocumentResponse" },
  },
  { path: "/api/health", method: "get", summary: "The index and the configured embedder and answerer.", response: { schema: "HealthResponse" } },
  {
    path: "/api/verify",
    method: "post",
    summary: "Verifies an answer with [n] markers written elsewhere against the citations it points at.",
    request: { in: "body", schema: verifyRequestSchema, name: "VerifyRequest", example: { answer: "NATO's headquarters are in Brussels [1].", citations: [hqCitation] } },
    response: { schema: "VerifyResponse" },
  },
  {
    path: "/api/check",
    method: "post",
    summary: "Checks each claim of a text against the documents: supported, contradicted or not found, with evidence.",
    request: { in: "body", schema: checkRequestSchema, name: "CheckRequest", example: { text: "NATO's headquarters are in Brussels. Its military headquarters are in Oslo." } },
    response: { schema: "CheckResponse" },
  },
  { path: "/api/openapi.json", method: "get", summary: "This description.", response: { type: "application/json", description: "OpenAPI 3.1 document" } },
  {
    path: "/mcp",
    method: "post",
    summary: "MCP over Streamable HTTP (stateless): tools search, ask, get_document, verify and check. Send Accept: application/json, text/event-stream.",
    request: {
      in: "body",
      schema: mcpMessageSchema,
      name: "McpMessage",
      example: { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "example", version: "1.0.0" } } },
    },
    response: { type: "application/json", description: "JSON-RPC 2.0 response" },
  },
  {
    path: "/v1/chat/completions",
    method: "post",
    summary: "OpenAI chat completions wire format (stream supported); citations as message.annotations (url_citation) and a top-level citations array. Errors in OpenAI's shape.",
    response: { type: "application/json", description: "OpenAI chat completion, or server-sent chunks with stream: true" },
  },
  { path: "/v1/models", method: "get", summary: "OpenAI model list: the answerer.", response: { type: "application/json", description: "OpenAI model list" } },
];

/** Response (and shared) types, by component name. */
export const RESPONSES = {
  Passage: passageSchema,
  Citation: citationOutputSchema,
  AskResponse: askResponseSchema,
  SearchResponse: searchResponseSchema,
  DocumentResponse: documentResponseSchema,
  DocumentListResponse: documentListResponseSchema,
  HealthResponse: healthResponseSchema,
  VerifyResponse: verifyResponseSchema,
  CheckResponse: checkResponseSchema,
  Error: errorResponseSchema,
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** JSON Schemas of a set of zod schemas, shared parts as $refs into components; `io` says which side (defaults apply on input). */
function jsonSchemas(schemas: Record<string, z.ZodType>, io: "input" | "output"): Record<string, Record<string, unknown>> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: out } = z.toJSONSchema(registry, { io, uri: (id) => ref(id).$ref });
  // Components are parts of the document, not standalone schemas: no $schema or $id of their own.
  for (const schema of Object.values(out)) {
    delete schema.$schema;
    delete schema.$id;
  }
  return out;
}

function parameters(request: NonNullable<Operation["request"]>, schema: Record<string, unknown>) {
  const properties = schema.properties as Record<string, unknown>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: request.in,
    required: request.in === "path" || required.has(name),
    schema: s,
    example: request.example[name],
  }));
}

function operationObject(op: Operation, requests: Record<string, Record<string, unknown>>) {
  const errors = op.path.startsWith("/v1/")
    ? { description: "OpenAI error object { error: { message, type, code } }", content: { "application/json": {} } }
    : { description: "Error", content: { "application/json": { schema: ref("Error") } } };
  const ok =
    "schema" in op.response
      ? { description: "OK", content: { "application/json": { schema: ref(op.response.schema) } } }
      : { description: op.response.description, content: { [op.response.type]: {} } };
  const { request } = op;
  return {
    summary: op.summary,
    ...(request?.in === "body" && {
      requestBody: { required: true, content: { "application/json": { schema: ref(request.name), example: request.example } } },
    }),
    ...(request && request.in !== "body" && { parameters: parameters(request, requests[request.name]) }),
    responses: { "200": ok, "4XX": errors, "5XX": errors },
  };
}

/** The OpenAPI 3.1 description of the HTTP API, generated from the schemas the routes use; `title` is the collection's name. */
export function openApiDocument(title: string) {
  const requestSchemas = Object.fromEntries(OPERATIONS.flatMap((op) => (op.request ? [[op.request.name, op.request.schema]] : [])));
  const requests = jsonSchemas({ ...requestSchemas, RequestCitation: citationSchema }, "input");
  const responses = jsonSchemas(RESPONSES, "output");
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op, requests);
  return {
    openapi: "3.1.0",
    info: {
      title,
      version: "1.0.0",
      description: "Answers from the documents, with citations. With API_KEYS set, send Authorization: Bearer <key>. Errors: { error: { code, message } } (/v1: OpenAI's shape).",
    },
    paths,
    components: {
      schemas: { ...requests, ...responses },
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    },
    // The key is needed only when the server has API_KEYS set.
    security: [{ bearer: [] }, {}],
  };
}
