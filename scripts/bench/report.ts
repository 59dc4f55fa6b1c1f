import type { HttpResult } from "./http";
import type { IngestResult, IngestRun, PathologicalRun } from "./ingest";
import type { CheckBench } from "./check";
import type { StallResult } from "./stall";
import type { QueryResult } from "./query";
import type { Machine, Summary } from "./stats";
import type { StoresResult } from "./stores";
import type { HnswResult } from "./vectors";

export type BenchResults = {
  machine: Machine;
  settings: { hnsw: { m: number; efConstruction: number; efSearch: number }; chunking: { chunkSize: number; chunkOverlap: number }; flags: string[] };
  seconds?: number;
  ingest?: IngestResult;
  pathological?: PathologicalRun[];
  check?: CheckBench;
  query?: QueryResult;
  hnsw?: HnswResult;
  stores?: StoresResult;
  http?: HttpResult | { skipped: string };
};

const f = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "–");
const ms = (s: Summary) => `${f(s.p50, 2)} / ${f(s.p95, 2)} / ${f(s.p99, 2)}`;
const mb = (bytes: number) => f(bytes / 1048576, 1);
const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

/** Seconds of ingest() outside the model and the re-timed phases: mostly the HNSW build, then JSON and writes. */
const remainderSeconds = (r: IngestRun) =>
  Math.max(0, r.ingestSeconds - r.embedSeconds - (r.phasesMs.read + r.phasesMs.chunk + r.phasesMs.split + r.phasesMs.lexicalBuild) / 1000);

function machineSection(m: Machine): string {
  return [
    `Run ${m.date} on ${m.os}, ${m.cpus} × ${m.cpuModel}, ${f(m.totalMemGiB, 1)} GiB memory, Node ${m.node}.`,
    `Load average (1 min) at start ${f(m.loadStart, 2)}, at end ${f(m.loadEnd, 2)}${m.loadStart > m.cpus * 0.5 || m.loadEnd > m.cpus * 0.5 ? " — the machine was shared with other work: figures are noisy" : ""}.`,
  ].join("\n");
}

function ingestSection(ingest: IngestResult): string {
  const rows = [...ingest.model, ...ingest.standIn].map((r) => [
    r.label,
    r.embedder,
    r.documents,
    r.chunks,
    r.sentences,
    mb(r.corpusBytes),
    f(r.ingestSeconds, 2),
    f(r.documents / r.ingestSeconds, 1),
    f(r.chunks / r.ingestSeconds, 1),
    `${f(r.embedSeconds, 2)} (${f(r.sentencesPerSecond, 0)}/s)`,
    f(r.ingestSeconds - r.embedSeconds, 2),
    f(r.peakRssMb, 0),
  ]);
  const extra = ingest.extrapolated
    .map(
      (e) =>
        `\n\nThe ${e.label} corpus was not embedded with the model: at the ${f(e.sentencesPerSecond, 1)} sentences/s measured above, its ${e.sentences} sentences would take about ${f(e.embedSeconds / 60, 1)} min, the whole ingest about ${f(e.totalSeconds / 60, 1)} min (the stand-in run's other costs added).`,
    )
    .join("");
  const phases = ingest.standIn.map((r) => [
    r.label,
    f(r.phasesMs.read, 0),
    f(r.phasesMs.chunk, 0),
    f(r.phasesMs.split, 0),
    f(r.phasesMs.lexicalBuild, 0),
    f(remainderSeconds(r) * 1000, 0),
    mb(r.indexBytes),
    f(r.loadMs, 0),
  ]);
  return [
    "### Ingestion",
    table(["corpus", "embedder", "documents", "chunks", "sentences", "text MB", "ingest s", "documents/s", "chunks/s", "embedding s (sentences/s)", "other s", "peak RSS MB"], rows) + extra,
    "Stand-in rows use a cheap hashing embedder instead of the model (scripts/bench/synthetic.ts): they time everything around the model. Peak RSS is the ingesting process's maxRSS (model workers included for the model rows).",
    "Phases (stand-in runs, ms; HNSW build + write is what remains of ingest() after the others):",
    table(["corpus", "read", "chunk", "sentence split", "BM25 build", "HNSW build + write", "index MB", "index load ms"], phases),
  ].join("\n\n");
}

function querySection(q: QueryResult): string {
  const row = (name: string, s: Summary) => [name, s.n, ms(s)];
  return [
    `### Query (live index: ${q.index.documents} documents, ${q.index.chunks} chunks, ${q.index.sentences} sentences, ${q.index.embedder})`,
    table(
      ["step", "samples", "ms p50 / p95 / p99"],
      [
        row("query embedding (model, uncached)", q.embedMs),
        row(`HNSW: 96 nearest sentences (recall ${q.hnswRecall === undefined ? "–" : f(q.hnswRecall, 3)} of the exact 96)`, q.hnswMs),
        row("exact cosine: 96 nearest sentences", q.exactMs),
        row("BM25: best 48 chunks", q.lexicalMs),
        row("hybrid retrieval (embedding excluded)", q.hybridMs),
        row("full answer, ask() (embedding, retrieval, answer, verification)", q.answerMs),
        row("  of which retrieval", q.answerParts.retrieveMs),
        row("  of which answer + verification", q.answerParts.answerMs),
      ],
    ),
  ].join("\n\n");
}

/** One row per build, one column per efSearch: "recall@k / ms p50 (speed-up over exact)". */
function hnswPivot(runs: HnswResult["runs"]): string {
  const efs = [...new Set(runs.map((r) => r.efSearch))].sort((a, b) => a - b);
  const builds = [...new Map(runs.map((r) => [`${r.size}/${r.m}/${r.efConstruction}/${r.k}`, r])).values()];
  const rows = builds.map((b) => {
    const cell = (ef: number) => {
      const r = runs.find((x) => x.size === b.size && x.m === b.m && x.efConstruction === b.efConstruction && x.k === b.k && x.efSearch === ef);
      return r ? `${f(r.recall, 3)} / ${f(r.searchMs.p50, 2)} (${f(r.speedup, 0)}×)` : "";
    };
    return [b.size, b.m, b.efConstruction, b.k, f(b.buildSeconds, 2), f(b.exactMs.p50, 2), ...efs.map(cell)];
  });
  return table(["vectors", "M", "efConstruction", "k", "build s", "exact ms p50", ...efs.map((ef) => `efSearch ${ef}`)], rows);
}

function hnswSection(h: HnswResult): string {
  return [
    `### HNSW against exact cosine (dimension ${h.dim})`,
    "Vectors shaped like sentence vectors (each mixes two real sentence vectors of the index plus noise); queries drawn the same way, not in the index. " +
      "Each efSearch cell: recall of the exact top k / HNSW milliseconds per query, p50 (exact time ÷ HNSW time); exact is brute-force cosine over the same vectors.",
    hnswPivot(h.runs),
    "The app's own request, the 96 nearest sentences (hnswlib searches with max(efSearch, k)), at the configured M and efConstruction:",
    hnswPivot(h.appRuns),
    ...(h.randomRuns.length ? ["For contrast, isotropic random vectors (no structure: the worst case for HNSW):", hnswPivot(h.randomRuns)] : []),
  ].join("\n\n");
}

function httpSection(h: NonNullable<BenchResults["http"]>): string {
  if ("skipped" in h) return `### HTTP\n\nSkipped: ${h.skipped}`;
  return [
    "### HTTP (production server, loopback)",
    `Each level: at most ${h.limits.requests} requests or ${h.limits.seconds} s, questions in rotation. First /api/ask after the server started (model load): ${f(h.coldFirstAskMs, 0)} ms. ` +
      "A pass over the questions precedes the levels, so their query embeddings come from the server's cache (add the query embedding above for a new question); the extractive answer's sentences are copied from the passages, so verifying them mostly reuses the index's vectors. " +
      "/api/chat sends its first part when the answer is ready, then the text in paced pieces (lib/engine/chat-stream.ts), so its time to last byte includes that pacing. /v1/chat/completions (\`stream: true\`) sends the same answer's text in unpaced chunks once it is ready, the role in the first.",
    table(
      ["endpoint", "clients", "requests", "errors", "requests/s", "TTFB ms p50 / p95 / p99", "TTLB ms p50 / p95 / p99"],
      h.levels.map((l) => [l.endpoint, l.concurrency, l.requests, l.errors, f(l.requestsPerSecond, 2), ms(l.ttfbMs), ms(l.ttlbMs)]),
    ),
    ...h.levels.filter((l) => l.firstError).map((l) => `First error at ${l.endpoint} ×${l.concurrency}: ${l.firstError}`),
    ...(h.stall ? [stallSection(h.stall)] : []),
  ].join("\n\n");
}

function stallSection(s: StallResult): string {
  const b = s.heavyBody;
  return [
    "#### /api/health under heavy /api/verify load",
    `${s.loadClients} clients send /api/verify bodies at the limits in a loop (${f(b.bytes / 1024, 0)} KB: ${b.sentences} sentences, each citing all ${b.citations} citations of ${b.citationChars} characters); ` +
      `/api/health is sampled one request at a time, alone and then under that load. The body of issue 11 (${f(s.oversized.bytes / 1024, 0)} KB, 335 sentences, 12 citations of 19,000 characters) is refused with ${s.oversized.status} in ${f(s.oversized.ms, 1)} ms.`,
    table(
      ["", "requests", "ms p50 / p95 / p99", "max ms"],
      [
        ["/api/health alone", s.healthIdleMs.n, ms(s.healthIdleMs), f(s.healthIdleMs.max, 1)],
        [`/api/health under ${s.loadClients} heavy clients`, s.healthLoadedMs.n, ms(s.healthLoadedMs), f(s.healthLoadedMs.max, 1)],
        [`heavy /api/verify (${s.verify.errors} errors)`, s.verify.requests, ms(s.verify.ms), f(s.verify.ms.max, 1)],
      ],
    ),
    `Ratio loaded ÷ alone: p50 ×${s.ratio.p50}, p95 ×${s.ratio.p95}, max ×${s.ratio.max}.`,
    ...(s.verify.firstError ? [`First /api/verify error: ${s.verify.firstError}`] : []),
  ].join("\n\n");
}

/** How each cost grows from the smallest to the largest stand-in corpus: cost ∝ size^b. */
function growthRows(ingest: IngestResult): (string | number)[][] {
  const runs = ingest.standIn;
  if (runs.length < 2) return [];
  const bytes = runs.map((r) => r.corpusBytes);
  /** b between the two largest sizes that have a value (the smallest is dominated by fixed costs). */
  const exponent = (values: number[]) => {
    const known = values.map((v, i) => [v, bytes[i]]).filter(([v]) => Number.isFinite(v) && v > 0);
    if (known.length < 2) return "–";
    const [[v0, s0], [v1, s1]] = known.slice(-2);
    return f(Math.log(v1 / v0) / Math.log(s1 / s0), 2);
  };
  const byLabel = (pick: (r: IngestRun) => number) => runs.map((r) => {
    const m = ingest.model.find((x) => x.label === r.label);
    return m ? pick(m) : NaN;
  });
  const embedding = runs.map((r, i) => byLabel((m) => m.embedSeconds)[i] || (ingest.extrapolated.find((e) => e.label === r.label)?.embedSeconds ?? NaN));
  const metric = (name: string, values: number[], digits = 2) => [name, ...values.map((v) => f(v, digits)), exponent(values)];
  return [
    metric(`embedding with the model, s${ingest.extrapolated.length ? ` (${ingest.extrapolated.map((e) => e.label).join(", ")} extrapolated)` : ""}`, embedding),
    metric("ingest without the model, s", runs.map((r) => r.ingestSeconds - r.embedSeconds)),
    metric("  chunking, ms", runs.map((r) => r.phasesMs.chunk), 0),
    metric("  BM25 build, ms", runs.map((r) => r.phasesMs.lexicalBuild), 0),
    metric("  HNSW build + write, s", runs.map(remainderSeconds)),
    metric("index on disk, MB", runs.map((r) => r.indexBytes / 1048576), 1),
    metric("index load, ms", runs.map((r) => r.loadMs), 0),
    metric("peak RSS of ingest with the model, MB", byLabel((m) => m.peakRssMb), 0),
    metric("peak RSS of ingest with the stand-in, MB", runs.map((r) => r.peakRssMb), 0),
    metric("HNSW search (96 nearest), ms p50", runs.map((r) => r.query.denseMs.p50), 3),
    metric("BM25 search, ms p50", runs.map((r) => r.query.lexicalMs.p50), 3),
    metric("hybrid retrieval, ms p50", runs.map((r) => r.query.hybridMs.p50), 2),
    metric("answer without the model, ms p50", runs.map((r) => r.query.answerMs.p50), 1),
  ];
}

function growthSection(ingest: IngestResult): string {
  const rows = growthRows(ingest);
  if (!rows.length) return "";
  const head = ["cost", ...ingest.standIn.map((r) => `${r.label} (${r.sentences} sentences)`), "growth b (cost ∝ size^b, two largest sizes)"];
  return ["### Growth with corpus size", table(head, rows), "b ≈ 1: linear; b ≈ 0: flat; between: sub-linear."].join("\n\n");
}

function chunkSection(runs: IngestRun[]): string {
  if (!runs.length) return "";
  const rows = runs.map((r) => [
    `${r.settings.chunkSize} / ${r.settings.chunkOverlap}`,
    r.chunks,
    f(r.phasesMs.chunk, 0),
    f(r.phasesMs.lexicalBuild, 0),
    mb(r.indexBytes),
    f(r.query.lexicalMs.p50, 3),
    f(r.query.hybridMs.p50, 2),
    f(r.query.answerMs.p50, 1),
  ]);
  return [
    `### Chunk size (${runs[0].label} corpus, stand-in embedder)`,
    table(["size / overlap", "chunks", "chunking ms", "BM25 build ms", "index MB", "BM25 search ms p50", "hybrid ms p50", "answer (no model) ms p50"], rows),
  ].join("\n\n");
}

/** Growth exponent b (cost ∝ size^b) between the smallest and largest size of a shape: 1 is linear. */
function growth(runs: PathologicalRun[], shape: string, cost: (r: PathologicalRun) => number): number {
  const of = runs.filter((r) => r.shape === shape).sort((a, b) => a.bytes - b.bytes);
  const [a, b] = [of[0], of[of.length - 1]];
  return Math.log(cost(b) / cost(a)) / Math.log(b.bytes / a.bytes);
}

function checkSection(rows: CheckBench): string {
  return [
    "## Citation checking (`POST /api/check`, engine function)",
    "",
    "A 2,000-character text, 5 runs each, after the engine has loaded; target under 1 s.",
    "",
    "| text | characters | claims | median | max |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.label} | ${r.characters} | ${r.claims} | ${r.medianMs} ms | ${r.maxMs} ms |`),
    "",
  ].join("\n");
}

function pathologicalSection(runs: PathologicalRun[]): string {
  const rows = runs.map((r) => [
    r.shape,
    mb(r.bytes),
    r.sentences,
    r.chunks,
    f(r.splitMs, 0),
    f(r.chunkMs, 0),
    f(r.standInSeconds, 2),
    f(r.modelMsPerSentence, 1),
    f(r.modelSecondsEstimate, 0),
  ]);
  const shapes = [...new Set(runs.map((r) => r.shape))];
  const growthRows = shapes.map((shape) => [
    shape,
    f(growth(runs, shape, (r) => r.splitMs + r.chunkMs), 2),
    f(growth(runs, shape, (r) => r.standInSeconds), 2),
    f(growth(runs, shape, (r) => r.modelSecondsEstimate), 2),
  ]);
  return [
    "### Pathological files",
    "One file of one awkward shape, made of the corpus' words (scripts/bench/ingest.ts). The model's seconds are its measured time per sentence on a sample of the file times the file's sentences.",
    table(["shape", "MB", "sentences", "chunks", "split ms", "chunk ms", "ingest without the model s", "model ms / sentence", "model s (estimated)"], rows),
    "Growth b (cost ∝ size^b, smallest to largest size; 1 is linear):",
    table(["shape", "split + chunk", "ingest without the model", "model"], growthRows),
  ].join("\n\n");
}

function storesSection(s: StoresResult): string {
  const rows = s.runs.map((r) => [
    r.store, r.sentences, r.chunks, r.indexBuildSeconds === undefined ? f(r.writeSeconds, 2) : `${f(r.writeSeconds, 2)} (HNSW built after the rows: ${f(r.indexBuildSeconds, 2)})`, f(r.loadSeconds, 2), `${f(r.denseMs.p50, 2)} / ${f(r.denseMs.p95, 2)}`,
    `${f(r.lexicalMs.p50, 2)} / ${f(r.lexicalMs.p95, 2)}`, `${f(r.rankMs.p50, 1)} / ${f(r.rankMs.p95, 1)}`, f(r.recallAt10, 3), f(r.memoryMiB.rss, 0), f(r.memoryMiB.heapUsed, 0), f(r.memoryMiB.arrayBuffers, 0),
  ]);
  return [
    "### Index stores: files and Postgres",
    `The same synthetic index in each store (copies of the live index's documents, sentence vectors shaped like real ones; scripts/bench/stores.ts). Postgres: ${s.postgres}. Write: the store's part of ingest (files: HNSW build, BM25, files; Postgres: the rows, the HNSW index and the BM25 postings, in one transaction). Load, queries and memory: a fresh app process per store (the embedder not loaded). Dense: the app's request, the 96 nearest sentences; lexical: BM25 top 48 of the dev questions; rank: retrieval and sentence ranking of one dev question as /api/ask does it, embedding left out (the Postgres store fetches that question's sentences, chunks and the text around them; the synthetic vectors do not match the texts, so only its cost means anything); memory after every question has been ranked. Recall@10: the store's vector index against exact cosine over 100 query vectors.`,
    table(["store", "sentences", "chunks", "write s", "load s", "dense p50 / p95 ms", "lexical p50 / p95 ms", "rank p50 / p95 ms", "recall@10", "RSS MiB", "heap MiB", "array buffers MiB"], rows),
  ].join("\n\n");
}

export function renderMarkdown(r: BenchResults): string {
  return [
    "# Benchmark results",
    machineSection(r.machine),
    `HNSW parameters: M ${r.settings.hnsw.m}, efConstruction ${r.settings.hnsw.efConstruction}, efSearch ${r.settings.hnsw.efSearch}. Chunks: ${r.settings.chunking.chunkSize} characters, ${r.settings.chunking.chunkOverlap} overlap. Flags: ${r.settings.flags.join(" ") || "none"}.${r.seconds ? ` Took ${f(r.seconds / 60, 1)} min.` : ""}`,
    r.ingest ? ingestSection(r.ingest) : "",
    r.ingest ? growthSection(r.ingest) : "",
    r.ingest ? chunkSection(r.ingest.chunkSizes) : "",
    r.pathological ? pathologicalSection(r.pathological) : "",
    r.check ? checkSection(r.check) : "",
    r.query ? querySection(r.query) : "",
    r.hnsw ? hnswSection(r.hnsw) : "",
    r.stores ? storesSection(r.stores) : "",
    r.http ? httpSection(r.http) : "",
  ]
    .filter(Boolean)
    .join("\n\n")
    .concat("\n");
}
