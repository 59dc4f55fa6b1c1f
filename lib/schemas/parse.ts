import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Parses with a schema; a failure becomes a 400 whose message names the field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.length ? issue.path.join(".") : "body";
  throw new AppError("bad_request", `Invalid "${field}": ${issue.message}`, { param: field });
}
