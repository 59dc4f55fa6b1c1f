import { Worker } from "node:worker_threads";

type Job = { texts: string[]; resolve: (vectors: Float32Array) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; job?: Job; ready: boolean };
type Message = { ready?: true; version?: string; failed?: string; vectors?: Float32Array; error?: string };

/**
 * Embedding worker threads, one batch each at a time, fed from one queue. Idle workers are
 * unref'd so they never keep a script or test run alive; a worker that dies after loading is
 * replaced, and its batch fails.
 */
export class EmbeddingWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private closed = false;

  private constructor(private readonly spawn: () => Worker) {}

  /** Starts `size` workers and waits until each has loaded its model; gives the version they report. */
  static async start(size: number, spawn: () => Worker): Promise<{ pool: EmbeddingWorkerPool; version: string }> {
    const pool = new EmbeddingWorkerPool(spawn);
    try {
      const versions = await Promise.all(Array.from({ length: size }, () => pool.add()));
      return { pool, version: versions[0] };
    } catch (error) {
      pool.closed = true;
      for (const slot of pool.slots) void slot.worker.terminate();
      throw error;
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Embeds one batch on the next free worker: the rows of the result, concatenated. */
  run(texts: string[]): Promise<Float32Array> {
    if (this.slots.length === 0) return Promise.reject(new Error("No embedding worker is running."));
    return new Promise((resolve, reject) => {
      this.queue.push({ texts, resolve, reject });
      this.pump();
    });
  }

  private add(): Promise<string> {
    const slot: Slot = { worker: this.spawn(), ready: false };
    this.slots.push(slot);
    return new Promise((resolve, reject) => {
      slot.worker.on("message", (message: Message) => {
        if (message.ready) {
          slot.ready = true;
          slot.worker.unref(); // loading keeps the process alive, an idle worker does not
          resolve(message.version ?? "unknown");
          this.pump();
        } else if (message.failed) {
          reject(new Error(`The embedding model failed to load: ${message.failed}`));
          void slot.worker.terminate();
        } else {
          this.finish(slot, message);
        }
      });
      slot.worker.on("error", reject);
      slot.worker.on("exit", (code) => {
        this.slots.splice(this.slots.indexOf(slot), 1);
        slot.job?.reject(new Error(`The embedding worker stopped (exit code ${code}).`));
        reject(new Error(`The embedding worker stopped while loading (exit code ${code}).`));
        if (slot.ready && !this.closed) void this.add().catch(() => this.failQueue());
        this.failQueue();
      });
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      slot.worker.ref(); // a pending batch must keep the process alive
      slot.worker.postMessage({ texts: job.texts });
    }
  }

  private finish(slot: Slot, message: Message): void {
    const job = slot.job;
    slot.job = undefined;
    slot.worker.unref();
    if (message.vectors) job?.resolve(message.vectors);
    else job?.reject(new Error(`Embedding failed: ${message.error}`));
    this.pump();
  }

  /** With no worker left, queued batches would wait forever. */
  private failQueue(): void {
    if (this.slots.length > 0) return;
    for (const job of this.queue.splice(0)) job.reject(new Error("No embedding worker is running."));
  }
}
