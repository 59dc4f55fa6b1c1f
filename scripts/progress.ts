import type { IngestProgress } from "@/lib/ingest/ingest";

/** A bar per document on a terminal; plain lines (one per document) when output is piped. */
export function ingestReporter(stream: NodeJS.WriteStream = process.stderr): (event: IngestProgress) => void {
  const tty = stream.isTTY;
  return (event) => {
    switch (event.type) {
      case "waiting":
        stream.write(`Another ingest (process ${event.pid}, since ${event.since}) is writing the index: waiting for it to finish.\n`);
        break;
      case "start":
        stream.write(
          `${event.documents} documents: ${event.toEmbed} to embed, ${event.unchanged} unchanged` +
            (event.removed.length ? `, ${event.removed.length} removed (${event.removed.join(", ")})` : "") +
            "\n",
        );
        break;
      case "document":
        if (!tty) stream.write(`embedding ${event.docId}: ${event.units} sentences\n`);
        break;
      case "embedded":
        if (tty) stream.write(`\r${bar(event.done, event.total)} ${event.docId} ${event.done}/${event.total}${event.done === event.total ? "\n" : ""}`);
        break;
    }
  };
}

function bar(done: number, total: number, width = 24): string {
  const filled = Math.round((done / Math.max(1, total)) * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
}
