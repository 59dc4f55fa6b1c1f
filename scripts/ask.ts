import readline from "node:readline";
import { formatCitation } from "@/lib/citations/format";
import { ask } from "@/lib/engine/ask";
import { getEngine } from "@/lib/engine/engine";
import { AppError, toAppError } from "@/lib/errors";
import { askRequestSchema, MAX_ASK_K, type AskRequest } from "@/lib/schemas/ask";
import { parseOrThrow } from "@/lib/schemas/parse";
import type { AskResponse } from "@/lib/types";

const USAGE = `Usage:
  npm run ask -- "question"          answer with numbered citations
  npm run ask -- --json "question"   one AskResponse as JSON
  npm run ask -- --jsonl             one question per stdin line (text, or an AskRequest JSON object) → one JSON line each
Options: --k N (passages to retrieve, 1..${MAX_ASK_K})`;

type Args = { mode: "text" | "json" | "jsonl"; k?: number; question: string };

function parseArgs(argv: string[]): Args {
  const args: Args = { mode: "text", question: "" };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") args.mode = "json";
    else if (a === "--jsonl") args.mode = "jsonl";
    else if (a === "--k") args.k = Number(argv[++i]);
    else if (a === "--help" || a === "-h") throw new AppError("bad_request", USAGE);
    else words.push(a);
  }
  args.question = words.join(" ");
  return args;
}

function printText(response: AskResponse): void {
  console.log(`\n${response.answer}\n`);
  if (response.note) console.log(`Note: ${response.note}\n`);
  for (const c of response.citations) console.log(formatCitation(c));
  console.log(`\n(${response.model}, ${response.timings.totalMs} ms)`);
}

function requestFromLine(line: string, k?: number): AskRequest {
  const trimmed = line.trim();
  const raw: unknown = trimmed.startsWith("{") ? JSON.parse(trimmed) : { question: trimmed, ...(k ? { k } : {}) };
  return parseOrThrow(askRequestSchema, raw);
}

async function answerLines(k?: number): Promise<void> {
  const engine = await getEngine();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    try {
      console.log(JSON.stringify(await ask(requestFromLine(line, k), engine)));
    } catch (error) {
      console.log(JSON.stringify(toAppError(error instanceof SyntaxError ? new AppError("bad_request", "The line is not valid JSON.") : error).toJSON()));
    }
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.mode === "jsonl") return answerLines(args.k);
  if (!args.question) throw new AppError("bad_request", USAGE);
  const response = await ask(parseOrThrow(askRequestSchema, { question: args.question, ...(args.k ? { k: args.k } : {}) }));
  if (args.mode === "json") console.log(JSON.stringify(response, null, 2));
  else printText(response);
}

main().catch((error: unknown) => {
  console.error(toAppError(error).message);
  process.exitCode = 1;
});
