import { startPglite } from "@/test/pglite";

/**
 * `npm run pglite`: a Postgres with pgvector for development without installing one (PGlite,
 * Postgres compiled to WebAssembly, over the wire protocol). One connection at a time runs a
 * query; use a real Postgres (compose.yaml) for anything but trying the store out.
 */
async function main() {
  const port = Number(process.env.PGLITE_PORT ?? 5433);
  const { url } = await startPglite({ port, dataDir: process.env.PGLITE_DIR });
  console.log(`PGlite with pgvector listening: DATABASE_URL=${url}`);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
