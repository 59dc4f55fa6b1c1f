import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** Clients remembered at most; past this, those whose bucket has refilled are forgotten. */
const MAX_CLIENTS = 10_000;

type Bucket = { tokens: number; at: number };

/** A token bucket per client: `perMinute` requests at once, refilled evenly over a minute. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Spends one request of the client's; 0 when allowed, else the whole seconds until one is free. */
  take(client: string): number {
    const now = this.now();
    const perMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.delete(client); // re-inserted last: the map stays in order of last use
    this.buckets.set(client, bucket);
    if (this.buckets.size > MAX_CLIENTS) this.forgetIdle(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / perMs / 1000);
  }

  private forgetIdle(now: number): void {
    for (const [client, bucket] of this.buckets) {
      if (now - bucket.at < 60_000) break; // the rest were used later
      this.buckets.delete(client);
    }
  }
}

const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * The client's address. Next.js fills X-Forwarded-For with the socket's address when the
 * request has none; behind a reverse proxy, the proxy must set it (the first entry counts).
 */
export function clientAddress(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0].trim() || "unknown";
}

const LIMITER = Symbol.for("nato-rag.rate-limiter");
type WithLimiter = typeof globalThis & { [LIMITER]?: RateLimiter };

/** One limiter per server process, shared by every route (each route is bundled apart). */
function limiter(perMinute: number): RateLimiter {
  const g = globalThis as WithLimiter;
  return (g[LIMITER] ??= new RateLimiter(perMinute));
}

/** Throws a 429 with Retry-After when the client asked for more than RATE_LIMIT_PER_MINUTE heavy requests. */
export function limitRate(request: Request): void {
  const perMinute = env().RATE_LIMIT_PER_MINUTE;
  const client = clientAddress(request);
  if (!perMinute || LOOPBACK.test(client)) return;
  const wait = limiter(perMinute).take(client);
  if (wait) {
    throw new AppError("rate_limited", `Too many requests: at most ${perMinute} a minute. Try again in ${wait} s.`, {
      headers: { "Retry-After": String(wait) },
    });
  }
}
