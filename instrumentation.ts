/** Runs once when the server starts (Next.js instrumentation hook). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { refuseUnservedMethods } = await import("@/lib/http/unserved-methods");
  refuseUnservedMethods();
  const { apiKeys } = await import("@/lib/env");
  const keys = apiKeys().length; // read (and validated) at start: a bad key stops the server here
  console.log(
    keys
      ? `API keys: ${keys} configured; /api/*, /v1/* and /mcp need "Authorization: Bearer <key>" (the app's own pages excepted).`
      : "API keys: none (API_KEYS unset): /api/*, /v1/* and /mcp are open to anyone who can reach this server.",
  );
}
