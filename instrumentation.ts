/** Runs once when the server starts (Next.js instrumentation hook). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { refuseUnservedMethods } = await import("@/lib/http/unserved-methods");
  refuseUnservedMethods();
}
