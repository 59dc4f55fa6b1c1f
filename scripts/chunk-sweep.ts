// Measures retrieval and answers for several chunk sizes on a question file (docs/chunking.md).
// Sentence vectors do not depend on the chunk size, so each setting reuses those of data/.
import { extractiveAnswer } from "@/lib/answer/extractive";
import { rerankBySentences } from "@/lib/answer/ranking/rerank";
import { getEngine } from "@/lib/engine/engine";
import { dataDir } from "@/lib/env";
import { matchesExpectations } from "@/lib/eval/match";
import { readQuestions } from "@/lib/eval/questions";
import { compareRetrievers } from "@/lib/eval/retrievers";
import { readIndexData } from "@/lib/index/disk";
import { assembleStore, buildDense, buildLexical, memorySearch } from "@/lib/index/store";
import { chunkDocument } from "@/lib/ingest/chunk";
import { CANDIDATE_PASSAGES, DEFAULT_K, hybridSearch } from "@/lib/retrieval/search";

const SETTINGS = [[300, 50], [400, 60], [500, 80], [600, 0], [600, 100], [600, 150], [800, 150], [1000, 200], [1200, 200]];

async function main(): Promise<void> {
  const file = process.argv[2] ?? "../shared/eval/dev.jsonl";
  const questions = await readQuestions(file);
  const engine = await getEngine();
  const base = await readIndexData(dataDir());
  console.log("| size / overlap | chunks | dense @6 | BM25 @6 | hybrid @1 / @3 / @6 / @10 | answer accuracy |");
  for (const [chunkSize, chunkOverlap] of SETTINGS) {
    const chunks = (await Promise.all(base.documents.map((d) => chunkDocument(d.docId, d.text, { chunkSize, chunkOverlap })))).flat();
    const data = { ...base, chunks, manifest: { ...base.manifest, counts: { ...base.manifest.counts, chunks: chunks.length } } };
    const store = assembleStore(data, memorySearch(buildDense(data), buildLexical(data)));
    const variant = { ...engine, store };
    const recall = Object.fromEntries((await compareRetrievers(variant, questions)).map((r) => [r.retriever, r.recall]));
    let correct = 0;
    for (const q of questions) {
      const wide = await hybridSearch(store, q.q, await engine.queries.embed(q.q), CANDIDATE_PASSAGES);
      const a = extractiveAnswer({ question: q.q, history: [], store, ...(await rerankBySentences(store, wide, q.q, DEFAULT_K)) });
      correct += q.kind === "oos" ? Number(!a.answered) : Number(a.answered && matchesExpectations(a.answer, q.expect).ok);
    }
    const h = recall.hybrid;
    console.log(
      `| ${chunkSize} / ${chunkOverlap} | ${chunks.length} | ${recall.dense["@6"].toFixed(2)} | ${recall.lexical["@6"].toFixed(2)} | ` +
        `${["@1", "@3", "@6", "@10"].map((k) => h[k].toFixed(2)).join(" / ")} | ${(correct / questions.length).toFixed(2)} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
