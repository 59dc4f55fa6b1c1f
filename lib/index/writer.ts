import { readIndexData, writeIndex, type IndexDraft } from "./disk";
import { withIngestLock, type LockOptions } from "./lock";
import type { StoreData } from "./store";

/** What an ingest run does with the index, inside its store's lock. */
export type IngestSession = {
  /** The live index, to compare the corpus against and reuse unchanged documents; throws when missing or damaged. */
  previous(): Promise<StoreData>;
  /** Writes the next index and makes it the live one, all or nothing. */
  write(draft: IndexDraft): Promise<void>;
};

/** Where ingest writes: one run at a time per store (a lock file, or a Postgres advisory lock). */
export type IndexWriter = {
  exclusive<T>(work: (session: IngestSession) => Promise<T>, options?: LockOptions): Promise<T>;
};

/** The files store under `dataDir` (disk.ts), locked by lock.ts. */
export function filesWriter(dataDir: string): IndexWriter {
  const session: IngestSession = {
    previous: () => readIndexData(dataDir),
    write: async (draft) => void (await writeIndex(dataDir, draft)),
  };
  return { exclusive: (work, options) => withIngestLock(dataDir, () => work(session), options) };
}
