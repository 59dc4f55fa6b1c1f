import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/body";
import { inTurn } from "@/lib/http/concurrency";
import { methodsOtherThan } from "@/lib/http/methods";
import { limitRate } from "@/lib/http/rate-limit";
import { createMcpServer } from "@/lib/mcp/server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * MCP over Streamable HTTP, stateless: each POST gets its own server and transport, so any
 * instance can answer any request. JSON responses rather than SSE: every tool answers once.
 */
export async function POST(request: Request) {
  try {
    limitRate(request);
    const parsedBody = await readJsonBody(request);
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await createMcpServer((work) => inTurn(request.signal, work)).connect(transport);
    return await transport.handleRequest(request, { parsedBody });
  } catch (error) {
    return errorResponse(error);
  }
}

export const { GET, HEAD, PUT, PATCH, DELETE } = methodsOtherThan("POST");
