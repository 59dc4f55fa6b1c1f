import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./server";

const KEY = "test-key-0123456789abcdef";
let server: TestServer;
beforeAll(async () => {
  server = await startServer({ API_KEYS: `${KEY},other-key-0123456789abcdef` });
});
afterAll(async () => {
  await server?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe("with API_KEYS set", () => {
  it("answers /api without a key, or with a wrong one, with a 401 JSON error and WWW-Authenticate", async () => {
    for (const headers of [{}, bearer("wrong-key-0123456789abcdef")]) {
      const response = await get("/api/health", headers);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect((await response.json()).error.code).toBe("unauthorized");
    }
  });

  it("serves /api with the right key", async () => {
    const response = await get("/api/health", bearer(KEY));
    expect(response.status).toBe(200);
    expect((await response.json()).status).toBe("ok");
  });

  it("lets the app's own pages call /api without a key (a same-origin browser request)", async () => {
    const response = await fetch(`${server.url}/api/ask`, {
      method: "POST",
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", origin: server.url },
      body: JSON.stringify({ question: "Where is NATO's main headquarters?" }),
    });
    expect(response.status).toBe(200);
    const crossSite = await get("/api/health", { "sec-fetch-site": "same-origin", origin: "https://elsewhere.example" });
    expect(crossSite.status).toBe(401);
  });

  it("still serves the pages without a key", async () => {
    const response = await get("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toMatch(/nonce-/);
  });

  it("answers /v1 without a key with a 401 in OpenAI's error shape", async () => {
    const response = await get("/v1/models");
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatchObject({ type: "invalid_request_error", code: "invalid_api_key" });
  });

  it("guards /mcp: the MCP client connects with the key only", async () => {
    const without = new Client({ name: "no-key", version: "1.0.0" });
    await expect(without.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)))).rejects.toThrow(/401|unauthorized|needs a key/i);
    const client = new Client({ name: "with-key", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), { requestInit: { headers: bearer(KEY) } }));
    expect((await client.listTools()).tools.length).toBe(5);
    await client.close();
  });

  it("never writes a key to the log", () => {
    expect(server.stderr()).not.toContain(KEY);
  });
});
