import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type PgliteServer = { url: string; stop(): Promise<void> };

/**
 * Real Postgres (PGlite, compiled to WebAssembly) with pgvector, served over the wire protocol
 * so that tests go through the `pg` driver and the SQL production uses. `port` 0 picks a free one;
 * `dataDir` keeps the database on disk (in memory otherwise).
 */
export async function startPglite(options: { port?: number; dataDir?: string } = {}): Promise<PgliteServer> {
  const db = await PGlite.create(options.dataDir ?? "memory://", { extensions: { vector } });
  const server = new PGLiteSocketServer({ db, port: options.port ?? 0, maxConnections: 64 });
  await server.start();
  return {
    url: `postgres://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
