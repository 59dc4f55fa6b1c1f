import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("keeps the index in files unless told otherwise", () => {
    expect(parseEnv({}).INDEX_STORE).toBe("files");
  });

  it("takes a Postgres index with its connection string, and refuses one without", () => {
    expect(parseEnv({ INDEX_STORE: "postgres", DATABASE_URL: "postgres://localhost/rag" })).toMatchObject({ INDEX_STORE: "postgres", DATABASE_URL: "postgres://localhost/rag" });
    expect(() => parseEnv({ INDEX_STORE: "postgres" })).toThrow(/DATABASE_URL: required when INDEX_STORE=postgres/);
    expect(() => parseEnv({ INDEX_STORE: "sqlite" })).toThrow(/INDEX_STORE/);
  });
});
