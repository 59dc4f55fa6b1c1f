import http from "node:http";
import { AppError } from "@/lib/errors";

/** What Next.js can turn into a fetch Request; the rest (TRACE, CONNECT, PROPFIND…) it answers 500 and logs a stack. */
const SERVED = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]);
const INSTALLED = Symbol.for("nato-rag.unserved-methods");

async function refuse(method: string, res: http.ServerResponse): Promise<void> {
  const response = new AppError("bad_request", `The method ${method.slice(0, 20)} is not supported: this server answers GET and POST (and HEAD, OPTIONS).`).toResponse();
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), "x-content-type-options": "nosniff", connection: "close" });
  res.end(await response.text());
}

/**
 * Answers requests with a method Next.js cannot serve with a 400 JSON error before Next.js
 * sees them. There is no hook in `next start` for this, so the servers' "request" event is
 * intercepted (instrumentation.ts installs it once per process).
 */
export function refuseUnservedMethods(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      if (!SERVED.has(req.method ?? "")) {
        void refuse(req.method ?? "", res);
        return true;
      }
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof proto.emit;
}
