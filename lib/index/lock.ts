import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";

/** One ingest at a time per data folder: the holder's pid is in this file. */
export const LOCK_FILE = "ingest.lock";

export type LockHolder = { pid: number; since: string };

/** Whether a process with this pid is running (EPERM: it runs as someone else). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid in an index folder's name (index-<time>-<pid>), or null for other entries. */
export function writerPid(entry: string): number | null {
  const m = /^index-\d+-(\d+)$/.exec(entry);
  return m ? Number(m[1]) : null;
}

const readRaw = (file: string) => fs.readFile(file, "utf8").catch(() => "");

function parseHolder(raw: string): LockHolder | null {
  try {
    const holder = JSON.parse(raw) as Partial<LockHolder>;
    return typeof holder.pid === "number" ? { pid: holder.pid, since: String(holder.since) } : null;
  } catch {
    return null; // gone, or being written: look again
  }
}

async function tryAcquire(file: string, token: string): Promise<boolean> {
  try {
    await fs.writeFile(file, token, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return false;
  }
}

export type LockOptions = {
  /** How long to wait for another ingest to finish before giving up. */
  waitMs?: number;
  /** Called once when the lock is held by another running ingest. */
  onWait?: (holder: LockHolder) => void;
};

/**
 * Runs `work` holding the data folder's ingest lock. A lock left by a process that is no longer
 * running (killed ingest) is taken over; one held by a running process is waited for, up to
 * `waitMs`, then refused with a message naming the holder.
 */
export async function withIngestLock<T>(dataDir: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const waitMs = options.waitMs ?? 10 * 60_000;
  await fs.mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const token = JSON.stringify({ pid: process.pid, since: new Date().toISOString(), id: Math.random() });
  const deadline = Date.now() + waitMs;
  let waited = false;
  while (!(await tryAcquire(file, token))) {
    const raw = await readRaw(file);
    const holder = parseHolder(raw);
    if (holder && !isRunning(holder.pid)) {
      // Stale: its ingest was killed. Removed only if nobody has taken it over meanwhile.
      if ((await readRaw(file)) === raw) await fs.rm(file, { force: true });
      continue;
    }
    if (holder && !waited) options.onWait?.(holder);
    waited = true;
    if (Date.now() >= deadline) {
      const who = holder ? `process ${holder.pid}, since ${holder.since}` : "another process";
      throw new AppError(
        "bad_input",
        `Another ingest (${who}) is writing the index in ${dataDir}; try again when it has finished. If no ingest is running, delete ${file}.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    return await work();
  } finally {
    // Only our own lock: never one a later run took over.
    if ((await readRaw(file)) === token) await fs.rm(file, { force: true });
  }
}
