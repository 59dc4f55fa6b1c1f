import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEmbedder } from "@/lib/embeddings";
import { ask } from "@/lib/engine/ask";
import { getEngine } from "@/lib/engine/engine";
import { migrate } from "@/lib/index/postgres/migrate";
import { closePools, poolFor } from "@/lib/index/postgres/pool";
import { postgresWriter } from "@/lib/index/postgres/write";
import { ingest } from "@/lib/ingest/ingest";
import type { AskResponse } from "@/lib/types";
import { startPglite, type PgliteServer } from "./pglite";
import { startServer, type TestServer } from "./server";

// Two app servers on one Postgres, as behind a load balancer: the same answers, and a re-ingest
// through either side seen by both without a restart.

const root = await fs.mkdtemp(path.join(os.tmpdir(), "pg-instances-"));
const corpus = path.join(root, "corpus");
let pglite: PgliteServer;
let servers: TestServer[] = [];

const ingestInto = async (writer: Parameters<typeof ingest>[0]["writer"], dataDir: string) =>
  ingest({ corpusDir: corpus, dataDir, embedder: await getEmbedder(), writer });

beforeAll(async () => {
  await fs.mkdir(corpus);
  await fs.writeFile(path.join(corpus, "bees.md"), "# Honey bees\n\nA honey bee colony has one queen and thousands of workers.\nIn summer a worker lives about six weeks.\nThe queen lays up to 2,000 eggs a day.\n");
  await fs.writeFile(path.join(corpus, "ants.md"), "# Ants\n\nAn ant colony can hold millions of ants.\nLeafcutter ants grow fungus on cut leaves.\n");
  pglite = await startPglite();
  await migrate(poolFor(pglite.url));
  await ingestInto(postgresWriter(pglite.url), root);
  const env = { INDEX_STORE: "postgres", DATABASE_URL: pglite.url, DATA_DIR: path.join(root, "no-files-index"), RATE_LIMIT_PER_MINUTE: "0" };
  servers = await Promise.all([startServer(env), startServer(env)]);
}, 300_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await closePools();
  await pglite?.stop();
  await fs.rm(root, { recursive: true, force: true });
});

async function askBoth(question: string): Promise<AskResponse[]> {
  return Promise.all(
    servers.map(async (s) => {
      const res = await fetch(`${s.url}/api/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question }) });
      const body = await res.text();
      expect(res.status, `${body}\n${s.stderr()}`).toBe(200);
      return JSON.parse(body) as AskResponse;
    }),
  );
}

/** A response without its timings, which differ from run to run. */
function withoutTimings(response: AskResponse): Omit<AskResponse, "timings"> {
  const rest: Partial<AskResponse> = { ...response };
  delete rest.timings;
  return rest as Omit<AskResponse, "timings">;
}

describe("two app servers on one Postgres index", () => {
  it("answer the same question identically, as the files store does", async () => {
    const question = "How many eggs does the queen lay?";
    const [a, b] = await askBoth(question);
    expect(a.answer).toMatch(/2,000 eggs/);
    expect(withoutTimings(b)).toEqual(withoutTimings(a));
    const data = path.join(root, "data");
    await ingestInto(undefined, data);
    const local = await ask({ question }, await getEngine(data));
    expect(withoutTimings(local)).toEqual(withoutTimings(a));
  });

  it("both answer from a re-ingest without a restart", async () => {
    await fs.writeFile(path.join(corpus, "wasps.md"), "# Wasps\n\nA wasp nest is built from chewed wood pulp.\n");
    await ingestInto(postgresWriter(pglite.url), root);
    const answers = await askBoth("What is a wasp nest built from?");
    for (const r of answers) {
      expect(r.answer).toMatch(/wood pulp/);
      expect(r.citations.map((c) => c.docId)).toContain("wasps");
    }
    expect(withoutTimings(answers[1])).toEqual(withoutTimings(answers[0]));
  });
});
