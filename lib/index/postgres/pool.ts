import pg from "pg";
import { HNSW_PARAMS } from "../format";

const pools = new Map<string, pg.Pool>();

/**
 * One connection pool per database URL for the process. Each connection searches with the
 * files store's HNSW breadth, and keeps scanning the graph until `k` rows of the filtered
 * version are found (pgvector's iterative scan).
 */
export function poolFor(url: string): pg.Pool {
  let pool = pools.get(url);
  if (!pool) {
    const options = `-c hnsw.ef_search=${HNSW_PARAMS.efSearch} -c hnsw.iterative_scan=strict_order`;
    pool = new pg.Pool({ connectionString: url, options, max: 4, allowExitOnIdle: true });
    // An idle connection that the server drops is replaced on the next query; nothing to do here.
    pool.on("error", () => {});
    pools.set(url, pool);
  }
  return pool;
}

/** Closes the pools (scripts and tests that are done with the database). */
export async function closePools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.end()));
}

/** Runs `work` in one transaction on one connection, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
