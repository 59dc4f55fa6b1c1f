// `npm run mcp`: the MCP server over stdio, for desktop assistants. stdout carries the protocol only.
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createMcpServer } from "@/lib/mcp/server";

// Anything the engine logs goes to stderr, where it cannot corrupt the protocol.
console.log = console.error;
console.info = console.error;

await createMcpServer().connect(new StdioServerTransport());
console.error("nato-docs MCP server on stdio");
