import { env } from "@/lib/env";
import { migrate } from "@/lib/index/postgres/migrate";
import { closePools, poolFor } from "@/lib/index/postgres/pool";

/** `npm run migrate`: creates or updates the Postgres index schema (INDEX_STORE=postgres, DATABASE_URL). */
async function main() {
  const e = env();
  if (!e.DATABASE_URL) throw new Error("Set DATABASE_URL (and INDEX_STORE=postgres) to the Postgres that holds the index.");
  const applied = await migrate(poolFor(e.DATABASE_URL));
  console.log(applied.length ? `Applied ${applied.join(", ")}.` : "The schema is up to date.");
}

main()
  .catch((error: unknown) => {
    console.error(`Migration failed: ${(error as Error).message ?? error}`);
    process.exitCode = 1;
  })
  .finally(closePools);
