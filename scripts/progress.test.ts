import { describe, expect, it } from "vitest";
import type { IngestProgress } from "@/lib/ingest/ingest";
import { ingestReporter } from "./progress";

/** A stream that keeps what is written; a terminal when asked (with the cursor calls a progress bar makes). */
function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, columns: 120, write: (s: string) => (written.push(s), true), cursorTo: () => true, clearLine: () => true, moveCursor: () => true, on: () => stream, removeListener: () => stream };
  return { stream: stream as unknown as NodeJS.WriteStream, output: () => written.join("") };
}

/** Two documents of 60 and 40 sentences embedded 10 at a time, half a second per batch. */
function run(isTTY: boolean): string {
  let clock = 0;
  const { stream, output } = fakeStream(isTTY);
  const report = ingestReporter(stream, () => clock);
  const events: IngestProgress[] = [{ type: "start", documents: 3, toEmbed: 2, unchanged: 1, removed: [], sentences: 100 }];
  for (const [docId, total] of [["a", 60], ["b", 40]] as const) {
    events.push({ type: "document", docId, units: total });
    for (let done = 10; done <= total; done += 10) events.push({ type: "embedded", docId, done, total });
  }
  for (const event of events) {
    if (event.type === "embedded") clock += 500;
    report(event);
  }
  return output();
}

describe("ingestReporter", () => {
  it("writes a plain line every few seconds when output is not a terminal, not one per batch, and a last one when done", () => {
    const lines = run(false).trim().split("\n");
    expect(lines[0]).toBe("3 documents: 2 to embed (100 sentences), 1 unchanged");
    expect(lines.length).toBeLessThan(10);
    expect(lines[1]).toBe("embedded 10/100 sentences, 0/2 documents, 20.0 sentences/s, about 5 s left");
    expect(lines.at(-1)).toBe("embedded 100/100 sentences, 2/2 documents, 20.0 sentences/s, done");
  });

  it("draws a bar with sentences and documents done, the rate and the time left on a terminal", () => {
    const output = run(true);
    expect(output).toContain("0/100 sentences | 0/2 documents | 0.0/s | ? left");
    expect(output).toContain("100/100 sentences | 2/2 documents | 20.0/s | 0 s left");
  });
});
