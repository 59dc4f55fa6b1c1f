import fs from "node:fs/promises";
import type { z } from "zod";

/** A JSON file's content, unchecked. A file that cannot be read, or is not JSON (SyntaxError), throws. */
export async function readJsonFile(file: string): Promise<unknown> {
  return JSON.parse(await fs.readFile(file, "utf8"));
}

/** A JSON file checked against a schema, as zod's safeParse result; reading and JSON errors throw as above. */
export async function parseJsonFile<S extends z.ZodType>(file: string, schema: S): Promise<z.ZodSafeParseResult<z.infer<S>>> {
  return schema.safeParse(await readJsonFile(file));
}
