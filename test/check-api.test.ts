import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckResponse } from "@/lib/types";
import { startServer, type TestServer } from "./server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const post = (body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
  fetch(`${server.url}/api/check`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });

async function expectError(response: Response, status: number, message: RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  const body = await response.json();
  expect(body.error.message).toMatch(message);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+/);
}

const documentText = async (docId: string) => (await (await fetch(`${server.url}/api/documents/${docId}`)).json()).text as string;

describe("POST /api/check", () => {
  it("gives each claim its offsets, a verdict and evidence whose quote is the document's span", async () => {
    const text = "NATO's main headquarters are in Brussels, Belgium.\nNato has 35 members across Europe and North America. Bananas are grown mainly in Ecuador.";
    const response = await post({ text });
    expect(response.status).toBe(200);
    const body = (await response.json()) as CheckResponse;
    expect(body.claims.map((c) => c.verdict)).toEqual(["supported", "contradicted", "not_found"]);
    expect(body.counts).toEqual({ supported: 1, contradicted: 1, not_found: 1 });
    for (const claim of body.claims) {
      expect(text.slice(claim.start, claim.end)).toBe(claim.text);
      expect(claim.confidence).toBeGreaterThanOrEqual(0);
      expect(claim.confidence).toBeLessThanOrEqual(1);
    }
    const [supported, contradicted] = body.claims;
    for (const evidence of [...supported.evidence, ...contradicted.evidence]) {
      const doc = await documentText(evidence.docId);
      expect(doc.slice(evidence.start, evidence.end)).toBe(evidence.text);
      expect(evidence.quote!.start).toBeGreaterThanOrEqual(evidence.start);
      expect(evidence.quote!.end).toBeLessThanOrEqual(evidence.end);
    }
    const quote = (c: CheckResponse["claims"][number]) => c.evidence[0].text.slice(c.evidence[0].quote!.start - c.evidence[0].start, c.evidence[0].quote!.end - c.evidence[0].start);
    expect(quote(supported)).toMatch(/Brussels/);
    expect(quote(contradicted)).toMatch(/32 members/);
    expect(body.claims[2].evidence).toEqual([]);
  });

  it("says whether a cited passage backs its claim", async () => {
    const doc = await documentText("wikipedia-nato");
    const start = doc.indexOf("NATO's main headquarters are in Brussels");
    const cited = { n: 1, docId: "wikipedia-nato", start, end: start + 120, text: doc.slice(start, start + 120) };
    const body = (await (await post({ text: "NATO's main headquarters are in Brussels [1]. Spain joined NATO in 1982 [1].", citations: [cited] })).json()) as CheckResponse;
    expect(body.claims.map((c) => c.cited)).toEqual([{ supported: true }, { supported: false }]);
    expect(body.claims[1].verdict).toBe("supported");
  });

  it.each([
    [{}, /"text"/],
    [{ text: "   " }, /"text": must not be empty/],
    [{ text: "x".repeat(10_001) }, /"text": must be at most 10000/],
    [{ text: "NATO [99999]." }, /"text"/],
    [{ text: Array.from({ length: 61 }, (_, i) => `Sentence ${i} is here.`).join(" ") }, /"text": must have at most 60 sentences/],
    [{ text: "NATO [1].", citations: [{ n: 1, docId: "wikipedia-nato", start: 0, end: 4, text: "nope" }] }, /"citations.0.text"/],
    [{ text: "NATO [1].", citations: [{ n: 1, docId: "no-such-doc", start: 0, end: 4, text: "NATO" }] }, /"citations.0.docId"/],
  ])("answers bad input with a 400 naming the field (%#)", async (body, message) => {
    await expectError(await post(body), 400, message);
  });

  it("answers a body that is not JSON with a 400, and one not sent as JSON with a 415", async () => {
    await expectError(await post("{not json"), 400, /JSON/);
    await expectError(await post(JSON.stringify({ text: "NATO" }), { "content-type": "text/plain" }), 415, /application\/json/);
  });

  it("answers GET with a 405 naming POST", async () => {
    const response = await fetch(`${server.url}/api/check`);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toMatch(/POST/);
  });
});
