import { refuseOtherEmbedder } from "../check";
import { assembleStore, type IndexStore } from "../store";
import { readVersionRows } from "./load";
import { inTransaction, poolFor } from "./pool";
import { postgresSearch, singleWordFrequencies } from "./search";

/**
 * Loads one version from one snapshot: the texts, chunks and sentences the answer engine reads
 * in memory; dense and lexical search stay in SQL.
 */
export async function loadPostgresIndex(url: string, version: number, embedderId?: string): Promise<IndexStore> {
  const pool = poolFor(url);
  const { data, stats, frequencies } = await inTransaction(pool, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", async (client) => {
    const loaded = await readVersionRows(client, version);
    refuseOtherEmbedder(loaded.data.manifest.embedder.id, embedderId);
    return { ...loaded, frequencies: await singleWordFrequencies(client, version) };
  });
  return assembleStore(data, postgresSearch(pool, stats, frequencies));
}
