import fs from "node:fs/promises";
import { check } from "@/lib/engine/check";
import { AppError, toAppError } from "@/lib/errors";
import { checkRequestSchema } from "@/lib/schemas/check";
import { parseOrThrow } from "@/lib/schemas/parse";
import type { CheckResponse } from "@/lib/types";

const USAGE = `Usage:
  npm run check -- FILE          check each claim of a text against the documents
  npm run check -- < FILE        the same, the text from stdin
  npm run check -- --json FILE   one CheckResponse as JSON`;

type Args = { json: boolean; file?: string };

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false };
  for (const a of argv) {
    if (a === "--json") args.json = true;
    else if (a === "--help" || a === "-h" || a.startsWith("--") || args.file) throw new AppError("bad_request", USAGE);
    else args.file = a;
  }
  return args;
}

async function readStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

const LABEL = { supported: "SUPPORTED", contradicted: "CONTRADICTED", not_found: "NOT FOUND" } as const;
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

function printText(response: CheckResponse): void {
  for (const claim of response.claims) {
    const cited = claim.cited ? (claim.cited.supported ? " · cited passage supports it" : " · cited passage does not support it") : "";
    console.log(`\n${LABEL[claim.verdict]} (${claim.confidence.toFixed(2)})${cited}  [${claim.start}–${claim.end}]`);
    console.log(`  ${oneLine(claim.text)}`);
    for (const e of claim.evidence) {
      const quote = e.quote ? e.text.slice(e.quote.start - e.start, e.quote.end - e.start) : e.text;
      console.log(`  ↳ ${e.title} (${e.docId} ${e.quote?.start ?? e.start}–${e.quote?.end ?? e.end}): "${oneLine(quote)}"`);
    }
  }
  const { supported, contradicted, not_found } = response.counts;
  console.log(`\n${supported} supported · ${contradicted} contradicted · ${not_found} not found`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const text = args.file ? await fs.readFile(args.file, "utf8") : await readStdin();
  const response = await check(parseOrThrow(checkRequestSchema, { text }));
  if (args.json) console.log(JSON.stringify(response, null, 2));
  else printText(response);
}

main().catch((error: unknown) => {
  console.error(toAppError(error).message);
  process.exitCode = 1;
});
