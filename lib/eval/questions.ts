import fs from "node:fs/promises";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { askRequestSchema } from "@/lib/schemas/ask";

/** One line of a question file (API.md, "Question files"). */
export const evalQuestionSchema = z.object({
  id: z.string(),
  kind: z.enum(["fact", "paraphrase", "list", "number", "date", "why", "followup", "conflict", "oos"]),
  q: z.string().min(1),
  expect: z.array(z.string()),
  support: z.array(z.string()),
  /** Earlier turns, for follow-ups: sent as /api/ask's history. */
  history: askRequestSchema.shape.history,
});

export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

/** A file of one JSON object a line, each checked by a schema; errors name the file and line. */
export async function readJsonLines<S extends z.ZodType>(file: string, schema: S): Promise<z.infer<S>[]> {
  let raw: string;
  try {
    raw = await fs.readFile(file, "utf8");
  } catch {
    throw new AppError("bad_input", `Cannot read ${file}.`);
  }
  return raw
    .split("\n")
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line)
    .map(({ line, n }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new AppError("bad_input", `${file}:${n} is not JSON.`);
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) throw new AppError("bad_input", `${file}:${n}: ${parsed.error.issues[0].path.join(".")} ${parsed.error.issues[0].message}`);
      return parsed.data;
    });
}

export function readQuestions(file: string): Promise<EvalQuestion[]> {
  return readJsonLines(file, evalQuestionSchema);
}
