import fs from "node:fs/promises";
import { dataDir, env, type Env } from "@/lib/env";
import { currentIndexDir, loadIndex } from "./disk";
import { currentVersion, noIndex } from "./postgres/load";
import { poolFor } from "./postgres/pool";
import { loadPostgresIndex } from "./postgres/store";
import { postgresWriter } from "./postgres/write";
import type { IndexStore } from "./view";
import { filesWriter, type IndexWriter } from "./writer";

/** Where a process reads the index from (INDEX_STORE): what it polls, and how it loads. */
export type IndexSource = {
  /** Names the store, so that a process keeps one engine per store. */
  key: string;
  /** What names the live index (the folder data/current points at, the current version): a change means a new index. */
  live(): Promise<string>;
  /** Loads the index `live()` named (or a newer one), refusing one built by another embedder. */
  load(live: string, embedderId: string): Promise<IndexStore>;
};

export function filesSource(dir: string): IndexSource {
  return {
    key: `files:${dir}`,
    live: () => fs.readlink(currentIndexDir(dir)).catch(() => ""),
    load: (_live, embedderId) => loadIndex(dir, embedderId),
  };
}

export function postgresSource(url: string): IndexSource {
  return {
    key: `postgres:${url}`,
    live: async () => String((await currentVersion(poolFor(url))) ?? ""),
    load: (live, embedderId) => (live ? loadPostgresIndex(url, Number(live), embedderId) : Promise.reject(noIndex())),
  };
}

/** The store INDEX_STORE names. */
export function configuredSource(e: Env = env()): IndexSource {
  return e.INDEX_STORE === "postgres" ? postgresSource(e.DATABASE_URL!) : filesSource(dataDir(e));
}

/** Where `npm run ingest` writes: the store INDEX_STORE names. */
export function configuredWriter(e: Env = env()): IndexWriter {
  return e.INDEX_STORE === "postgres" ? postgresWriter(e.DATABASE_URL!) : filesWriter(dataDir(e));
}
