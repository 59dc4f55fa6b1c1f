import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCollection } from "@/lib/corpus/collection";
import { corpusDir } from "@/lib/env";
import { OPERATIONS, openApiDocument, RESPONSES } from "@/lib/openapi/document";
import { startServer, type TestServer } from "./server";

/** The URL paths of the route files under app/api, in OpenAPI's spelling ("[docId]" → "{docId}"); the catch-all 404 is no route. */
async function apiRoutePaths(): Promise<string[]> {
  const files = (await fs.readdir("app/api", { recursive: true })).filter((f) => path.basename(f) === "route.ts");
  return files
    .map((f) => `/api/${path.dirname(f).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}"))
    .filter((p) => !p.includes("[..."));
}

describe("the OpenAPI description", () => {
  const document = openApiDocument("Documents Q&A");

  it("describes every route under app/api", async () => {
    const routes = await apiRoutePaths();
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const route of routes) expect(Object.keys(document.paths), route).toContain(route);
  });

  it.each(OPERATIONS.filter((op) => op.request).map((op) => [`${op.method} ${op.path}`, op] as const))("%s: its example is valid for its route's schema", (_, op) => {
    const result = op.request!.schema.safeParse(op.request!.example);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it("names a component schema for every $ref", () => {
    const refs = JSON.stringify(document).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const r of new Set(refs)) expect(Object.keys(document.components.schemas)).toContain(r.split("/").at(-1));
  });
});

describe("GET /api/openapi.json and its examples, against the production server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("serves the generated description", async () => {
    const response = await fetch(`${server.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const { name } = await readCollection(corpusDir());
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument(name))));
  });

  /** Each documented example, sent as documented, is answered with a 200 whose body has the documented shape. */
  it.each(OPERATIONS.filter((op) => !op.path.startsWith("/v1/")).map((op) => [`${op.method} ${op.path}`, op] as const))("%s: the example works", async (_, op) => {
    const example = op.request?.example ?? {};
    let url = `${server.url}${op.path.replace(/\{(\w+)\}/g, (_, name: string) => String(example[name]))}`;
    if (op.request?.in === "query") url += `?${new URLSearchParams(Object.entries(example).map(([k, v]) => [k, String(v)]))}`;
    const body = op.request?.in === "body" ? JSON.stringify(example) : undefined;
    const headers = { "content-type": "application/json", accept: "application/json, text/event-stream" };
    const response = await fetch(url, { method: op.method.toUpperCase(), headers, body });
    expect(response.status).toBe(200);
    const text = await response.text();
    if ("schema" in op.response) {
      const schema = RESPONSES[op.response.schema as keyof typeof RESPONSES];
      expect(schema.safeParse(JSON.parse(text)).error?.issues ?? []).toEqual([]);
    }
  });
});
