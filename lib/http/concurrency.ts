import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** How long a request may wait for a turn, and what a refused one is told to wait. */
const MAX_WAIT_MS = 30_000;
const RETRY_AFTER_S = 5;

const busy = () =>
  new AppError("busy", `The server is busy answering other requests. Try again in ${RETRY_AFTER_S} s.`, {
    headers: { "Retry-After": String(RETRY_AFTER_S) },
  });

/** At most `max` holders at once; up to `maxQueued` more wait in order; anyone beyond is refused with 503. */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly max: number,
    readonly maxQueued: number,
    private readonly maxWaitMs = MAX_WAIT_MS,
  ) {}

  /** Waits for a turn and returns its release (safe to call twice). */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.active < this.max) this.active++;
    else await this.queue(signal);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next(); // the turn passes on: `active` stays the same
      else this.active--;
    };
  }

  private queue(signal?: AbortSignal): Promise<void> {
    if (this.waiting.length >= this.maxQueued || signal?.aborted) return Promise.reject(busy());
    return new Promise((resolve, reject) => {
      const leave = (error: AppError) => {
        const i = this.waiting.indexOf(turn);
        if (i >= 0) this.waiting.splice(i, 1);
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        reject(error);
      };
      const turn = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      const onAbort = () => leave(busy());
      const timer = setTimeout(() => leave(busy()), this.maxWaitMs);
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiting.push(turn);
    });
  }
}

const LIMIT = Symbol.for("nato-rag.concurrency-limit");
type WithLimit = typeof globalThis & { [LIMIT]?: ConcurrencyLimit };

/** One limit per server process, shared by every heavy route (each route is bundled apart). */
function heavyLimit(): ConcurrencyLimit {
  const g = globalThis as WithLimit;
  return (g[LIMIT] ??= new ConcurrencyLimit(env().MAX_CONCURRENT_REQUESTS, env().MAX_QUEUED_REQUESTS));
}

/** Runs heavy work in a turn of the server-wide limit (503 with Retry-After when too many wait). */
export async function inTurn<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  const release = await heavyLimit().acquire(signal);
  try {
    return await work();
  } finally {
    release();
  }
}

/** Like inTurn, for a streamed answer: the turn lasts until the stream ends or the client goes away. */
export async function streamInTurn<C>(signal: AbortSignal, open: () => Promise<ReadableStream<C>>): Promise<ReadableStream<C>> {
  const release = await heavyLimit().acquire(signal);
  let reader: ReadableStreamDefaultReader<C>;
  try {
    reader = (await open()).getReader();
  } catch (error) {
    release();
    throw error;
  }
  return new ReadableStream<C>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    async cancel(reason) {
      release();
      await reader.cancel(reason);
    },
  });
}
