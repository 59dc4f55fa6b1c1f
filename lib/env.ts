import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/** Environment, read and validated once. See the Configuration table in API.md. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  EMBEDDING_PROVIDER: z.enum(["use-lite", "openai", "openai-compatible"]).default("use-lite"),
  EMBEDDING_MODEL: z.string().min(1).optional(),
  EMBEDDING_BASE_URL: z.string().url().optional(),
  EMBEDDING_API_KEY: z.string().min(1).optional(),
  LLM_PROVIDER: z.enum(["extractive", "openai", "openai-compatible"]).default("extractive"),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_BASE_URL: z.string().url().optional(),
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  OPENAI_API_KEY: z.string().min(1).optional(),
  /** Where the corpus and the index live; tests point these at temporary folders. */
  CORPUS_DIR: z.string().default("corpus"),
  DATA_DIR: z.string().default("data"),
  /** Where the index lives: files under DATA_DIR (one machine), or a Postgres with pgvector that every instance shares. */
  INDEX_STORE: z.enum(["files", "postgres"]).default("files"),
  DATABASE_URL: z.string().min(1).optional(),
  /** Heavy requests (ask, chat, verify, search) per client and minute; 0 turns the limit off. Loopback is exempt. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  /** Heavy requests served at once, and how many more may wait for a turn before the server answers 503. */
  MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).default(4),
  MAX_QUEUED_REQUESTS: z.coerce.number().int().min(0).default(32),
  /** Keys that /api, /v1 and /mcp require (comma-separated), and/or a file of them, one a line. Unset: open. */
  API_KEYS: z.string().optional(),
  API_KEYS_FILE: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Empty strings count as unset, as a shell's `VAR=` means. */
function withoutEmpty(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== "")) as Record<
    string,
    string
  >;
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(withoutEmpty(source));
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${issues}`);
  }
  if (result.data.INDEX_STORE === "postgres" && !result.data.DATABASE_URL) {
    throw new Error("Invalid environment: DATABASE_URL: required when INDEX_STORE=postgres");
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

export function corpusDir(e: Env = env()): string {
  return path.resolve(e.CORPUS_DIR);
}

export function dataDir(e: Env = env()): string {
  return path.resolve(e.DATA_DIR);
}

/** A key goes in an Authorization header, and should not be guessable. */
const API_KEY = /^[\x21-\x7e]{16,512}$/;

/**
 * The API keys of API_KEYS and API_KEYS_FILE (one a line; blank lines and # comments skipped).
 * A bad key is refused by its position, never quoted; a file with no key is an error, not an open server.
 */
export function parseApiKeys(e: Env): string[] {
  const listed = e.API_KEYS?.split(",") ?? [];
  let filed: string[] = [];
  if (e.API_KEYS_FILE) {
    const file = path.resolve(e.API_KEYS_FILE);
    try {
      filed = fs.readFileSync(file, "utf8").split(/\r?\n/).filter((line) => !line.trim().startsWith("#"));
    } catch (error) {
      throw new Error(`Invalid environment: API_KEYS_FILE ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
  }
  const keys = [...listed, ...filed].map((k) => k.trim()).filter(Boolean);
  keys.forEach((key, i) => {
    if (!API_KEY.test(key)) throw new Error(`Invalid environment: API key ${i + 1} of API_KEYS/API_KEYS_FILE must be 16 to 512 printable characters without spaces`);
  });
  if ((e.API_KEYS_FILE || e.API_KEYS) && keys.length === 0) throw new Error("Invalid environment: API_KEYS/API_KEYS_FILE hold no key");
  return keys;
}

let cachedKeys: string[] | undefined;

/** The configured API keys, read once; empty when none are set (the API is open). */
export function apiKeys(): string[] {
  cachedKeys ??= parseApiKeys(env());
  return cachedKeys;
}
