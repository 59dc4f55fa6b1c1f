import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseApiKeys, parseEnv } from "@/lib/env";
import { bearerKey, fromOwnPage, keyChecker, refuseWithoutKey } from "./api-keys";

const KEY = "k-0123456789abcdef";
const keys = { any: true, check: keyChecker([KEY, "another-key-0123456789"]) };
const headers = (h: Record<string, string>) => new Headers(h);

describe("keyChecker", () => {
  it("accepts each configured key and nothing else", () => {
    expect(keys.check(KEY)).toBe(true);
    expect(keys.check("another-key-0123456789")).toBe(true);
    expect(keys.check(KEY.slice(0, -1))).toBe(false);
    expect(keys.check(`${KEY}x`)).toBe(false);
    expect(keys.check("")).toBe(false);
  });
});

describe("bearerKey", () => {
  it("reads the key of a Bearer header only", () => {
    expect(bearerKey(headers({ authorization: `Bearer ${KEY}` }))).toBe(KEY);
    expect(bearerKey(headers({ authorization: `bearer  ${KEY} ` }))).toBe(KEY);
    expect(bearerKey(headers({ authorization: `Basic ${KEY}` }))).toBeNull();
    expect(bearerKey(headers({}))).toBeNull();
  });
});

describe("fromOwnPage", () => {
  it("is a browser's same-origin request whose Origin, if any, is this host", () => {
    expect(fromOwnPage(headers({ "sec-fetch-site": "same-origin", host: "example.org" }))).toBe(true);
    expect(fromOwnPage(headers({ "sec-fetch-site": "same-origin", host: "example.org", origin: "https://example.org" }))).toBe(true);
    expect(fromOwnPage(headers({ "sec-fetch-site": "same-origin", host: "example.org", origin: "https://evil.example" }))).toBe(false);
    const proxied = { "sec-fetch-site": "same-origin", host: "127.0.0.1:3000", "x-forwarded-host": "example.org" };
    expect(fromOwnPage(headers({ ...proxied, origin: "https://example.org" }))).toBe(true);
    expect(fromOwnPage(headers({ "sec-fetch-site": "same-origin", host: "example.org", origin: "not a url" }))).toBe(false);
    expect(fromOwnPage(headers({ "sec-fetch-site": "cross-site", host: "example.org" }))).toBe(false);
    expect(fromOwnPage(headers({ host: "example.org" }))).toBe(false);
  });
});

describe("refuseWithoutKey", () => {
  const bearer = (key: string) => headers({ authorization: `Bearer ${key}` });
  const page = headers({ "sec-fetch-site": "same-origin", host: "example.org" });

  it("lets everything through when no key is configured", () => {
    expect(refuseWithoutKey("/api/ask", headers({}), { any: false, check: () => false })).toBeNull();
  });

  it("answers 401 in our error shape, with WWW-Authenticate, without a key or with a wrong one", async () => {
    for (const h of [headers({}), bearer("wrong-key-0123456789")]) {
      const response = refuseWithoutKey("/api/ask", h, keys)!;
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      const body = await response.json();
      expect(body.error.code).toBe("unauthorized");
      expect(JSON.stringify(body)).not.toContain(KEY);
    }
  });

  it("answers /v1 in OpenAI's error shape", async () => {
    const body = await refuseWithoutKey("/v1/chat/completions", headers({}), keys)!.json();
    expect(body.error).toMatchObject({ type: "invalid_request_error", code: "invalid_api_key" });
  });

  it("lets a right key through on /api, /v1 and /mcp", () => {
    for (const p of ["/api/ask", "/v1/models", "/mcp"]) expect(refuseWithoutKey(p, bearer(KEY), keys)).toBeNull();
  });

  it("lets the app's own pages use /api without a key, but not /v1 or /mcp", () => {
    expect(refuseWithoutKey("/api/chat", page, keys)).toBeNull();
    expect(refuseWithoutKey("/v1/models", page, keys)?.status).toBe(401);
    expect(refuseWithoutKey("/mcp", page, keys)?.status).toBe(401);
  });

  it("does not guard pages", () => {
    expect(refuseWithoutKey("/", headers({}), keys)).toBeNull();
    expect(refuseWithoutKey("/check", headers({}), keys)).toBeNull();
  });
});

describe("parseApiKeys", () => {
  const file = (text: string) => {
    const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "keys-")), "keys.txt");
    fs.writeFileSync(f, text);
    return f;
  };

  it("reads API_KEYS and API_KEYS_FILE (one a line, # comments and blank lines skipped)", () => {
    const e = parseEnv({ API_KEYS: `${KEY}, second-key-0123456789`, API_KEYS_FILE: file("# ours\nthird-key-0123456789\n\n") });
    expect(parseApiKeys(e)).toEqual([KEY, "second-key-0123456789", "third-key-0123456789"]);
    expect(parseApiKeys(parseEnv({}))).toEqual([]);
  });

  it("refuses a short key or one with spaces, without quoting it", () => {
    expect(() => parseApiKeys(parseEnv({ API_KEYS: "short" }))).toThrow(/API key 1 .* 16 to 512/);
    expect(() => parseApiKeys(parseEnv({ API_KEYS: `${KEY},has a space in it 0123` }))).toThrow(/API key 2/);
    expect(() => parseApiKeys(parseEnv({ API_KEYS: "short" }))).not.toThrow(/short/);
  });

  it("refuses a key file that cannot be read or holds no key: the server would otherwise be open", () => {
    expect(() => parseApiKeys(parseEnv({ API_KEYS_FILE: "/no/such/keys.txt" }))).toThrow(/cannot be read/);
    expect(() => parseApiKeys(parseEnv({ API_KEYS_FILE: file("# none yet\n") }))).toThrow(/hold no key/);
  });
});
