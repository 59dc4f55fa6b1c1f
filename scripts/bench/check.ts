/**
 * Citation checking time for a 2,000-character text (the target: under 1 s on this machine),
 * for two kinds of text: prose (a 2,000-character stretch of a document, about 14 sentences) and a
 * list of short labelled claims of eval/claims.jsonl (about 32 claims in 2,000 characters, the hard
 * case: work grows with claims).
 */
import { check } from "@/lib/engine/check";
import type { Engine } from "@/lib/engine/engine";
import { readClaims } from "@/lib/eval/claims";
import { readDocument } from "@/lib/index/view";

const TEXT_CHARS = 2_000;
const RUNS = 5;

export type CheckBench = { label: string; characters: number; claims: number; medianMs: number; maxMs: number }[];

export async function benchCheck(engine: Engine, log: (line: string) => void): Promise<CheckBench> {
  const claims = await readClaims();
  // Interleave verdicts so each text mixes supported, contradicted and not-found claims.
  const order = claims.map((c, i) => ({ c, key: (i * 37) % claims.length })).sort((a, b) => a.key - b.key).map((x) => x.c.text);
  // Every encoder worker starts before timing.
  await check({ text: order.slice(-8).join(" ") }, engine);
  const claimTexts: string[] = [];
  for (let next = 0; claimTexts.length < RUNS; ) {
    let text = "";
    while (text.length < TEXT_CHARS - 60 && next < order.length) text += `${order[next++]} `;
    claimTexts.push(text.trim());
  }
  const view = engine.store.view();
  const texts = await Promise.all(view.documents.map(async (d) => (await readDocument(view, d.docId))!.text));
  const doc = texts.reduce((a, b) => (b.length > a.length ? b : a));
  const proseTexts = Array.from({ length: RUNS }, (_, run) => {
    const from = doc.indexOf(". ", Math.floor((doc.length * (run + 1)) / (RUNS + 2))) + 2;
    return doc.slice(from, doc.indexOf(". ", from + TEXT_CHARS - 40) + 1);
  });
  const rows: CheckBench = [];
  for (const [label, texts] of [["prose", proseTexts], ["short claims", claimTexts]] as const) {
    const times: number[] = [];
    let claimCount = 0;
    for (const text of texts) {
      const started = performance.now();
      claimCount += (await check({ text }, engine)).claims.length;
      times.push(performance.now() - started);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const row = {
      label,
      characters: Math.round(texts.reduce((n, t) => n + t.length, 0) / texts.length),
      claims: Math.round(claimCount / texts.length),
      medianMs: Math.round(sorted[Math.floor(RUNS / 2)]),
      maxMs: Math.round(sorted.at(-1)!),
    };
    log(`  ${label}: ${row.characters} characters, ${row.claims} claims: median ${row.medianMs} ms, max ${row.maxMs} ms (target < 1000 ms)`);
    rows.push(row);
  }
  return rows;
}
