import fs from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { inTransaction } from "./pool";

/** The plain SQL migrations, applied in name order, each once. */
export const MIGRATIONS_DIR = path.resolve("lib/index/postgres/migrations");

/** Any number shared by the app's migrations: two that start at once run one after the other. */
const MIGRATION_LOCK = 0x6d696772;

/** Applies the migrations not applied yet, in one transaction; returns their names. */
export async function migrate(pool: pg.Pool, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
  return inTransaction(pool, "BEGIN", async (client) => {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
    const applied = new Set((await client.query<{ name: string }>("SELECT name FROM schema_migrations")).rows.map((r) => r.name));
    const pending = files.filter((f) => !applied.has(f));
    for (const name of pending) {
      await client.query(await fs.readFile(path.join(dir, name), "utf8"));
      await client.query("INSERT INTO schema_migrations (name) VALUES ($1)", [name]);
    }
    return pending;
  });
}
