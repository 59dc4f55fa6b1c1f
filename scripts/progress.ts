import cliProgress from "cli-progress";
import type { IngestProgress } from "@/lib/ingest/ingest";

/** How often a line is printed when output is not a terminal (a log, CI): not once per sentence. */
const LINE_EVERY_MS = 2000;

/** Where embedding stands: documents and sentences done, the rate, and the time left at that rate. */
class EmbeddingStatus {
  documents = { done: 0, total: 0 };
  sentences = { done: 0, total: 0 };
  private finishedSentences = 0;
  private startedAt = 0;

  constructor(private readonly now: () => number) {}

  start(documents: number, sentences: number): void {
    this.documents = { done: 0, total: documents };
    this.sentences = { done: 0, total: sentences };
    this.startedAt = this.now();
  }

  /** A document with no sentence is done as soon as it starts. */
  document(sentences: number): void {
    if (sentences === 0) this.documents.done++;
  }

  embedded(done: number, total: number): void {
    this.sentences.done = this.finishedSentences + done;
    if (done === total) {
      this.finishedSentences += total;
      this.documents.done++;
    }
  }

  get finished(): boolean {
    return this.sentences.done >= this.sentences.total;
  }

  /** Sentences per second so far. */
  get rate(): number {
    const seconds = (this.now() - this.startedAt) / 1000;
    return seconds > 0 ? this.sentences.done / seconds : 0;
  }

  get timeLeft(): string {
    const rate = this.rate;
    return rate > 0 ? duration((this.sentences.total - this.sentences.done) / rate) : "?";
  }

  get line(): string {
    const { documents: d, sentences: s } = this;
    return `embedded ${s.done}/${s.total} sentences, ${d.done}/${d.total} documents, ${this.rate.toFixed(1)} sentences/s, ${this.finished ? "done" : `about ${this.timeLeft} left`}`;
  }
}

function duration(seconds: number): string {
  const s = Math.ceil(seconds);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/**
 * Reports an ingest: a progress bar on a terminal (documents and sentences done, rate, time
 * left); plain lines every few seconds when output is piped or logged.
 */
export function ingestReporter(stream: NodeJS.WriteStream = process.stderr, now: () => number = () => performance.now()): (event: IngestProgress) => void {
  const status = new EmbeddingStatus(now);
  const bar = stream.isTTY
    ? new cliProgress.SingleBar(
        { stream, hideCursor: true, format: "Embedding {bar} {value}/{total} sentences | {documents} documents | {rate}/s | {left} left" },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const payload = () => ({ documents: `${status.documents.done}/${status.documents.total}`, rate: status.rate.toFixed(1), left: status.timeLeft });
  let lastLine = -Infinity;
  return (event) => {
    switch (event.type) {
      case "waiting":
        stream.write(`Another ingest (process ${event.pid}, since ${event.since}) is writing the index: waiting for it to finish.\n`);
        break;
      case "start":
        stream.write(
          `${event.documents} documents: ${event.toEmbed} to embed (${event.sentences} sentences), ${event.unchanged} unchanged` +
            (event.removed.length ? `, ${event.removed.length} removed (${event.removed.join(", ")})` : "") +
            "\n",
        );
        status.start(event.toEmbed, event.sentences);
        if (event.toEmbed > 0) bar?.start(event.sentences, 0, payload());
        break;
      case "document":
        status.document(event.units);
        break;
      case "embedded":
        status.embedded(event.done, event.total);
        if (bar) {
          bar.update(status.sentences.done, payload());
          if (status.finished) bar.stop();
        } else if (status.finished || now() - lastLine >= LINE_EVERY_MS) {
          stream.write(`${status.line}\n`);
          lastLine = now();
        }
        break;
    }
  };
}
