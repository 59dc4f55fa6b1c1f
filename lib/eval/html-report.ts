import type { EvalMetrics, QuestionResult } from "./run";

/** One evaluated question set, as the report shows it. */
export type ReportSet = { label: string; metrics: EvalMetrics; failures: QuestionResult[] };

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const pct = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(1)}%`);

function kindBars(metrics: EvalMetrics): string {
  return Object.entries(metrics.byKind)
    .map(([kind, { questions, correct }]) => {
      const share = correct / questions;
      return `<tr><th>${escape(kind)}</th><td><div class="bar"><span style="width:${(share * 100).toFixed(1)}%"></span></div></td><td>${correct}/${questions} (${pct(share)})</td></tr>`;
    })
    .join("");
}

function miss(result: QuestionResult): string {
  const { question, response } = result;
  const cited = response.citations
    .map((c) => `<li><b>[${c.n}] ${escape(c.title)}</b>${c.section?.length ? ` — ${escape(c.section.join(" › "))}` : ""}<blockquote>${escape(c.text)}</blockquote></li>`)
    .join("");
  return `<article>
<h3>${escape(question.id)} <small>${escape(question.kind)}</small> ${escape(question.q)}</h3>
${question.history?.length ? `<p class="history">After: ${question.history.map((m) => escape(`${m.role}: ${m.content}`)).join(" / ")}</p>` : ""}
<p><b>Answer${response.answered ? "" : " (refused)"}:</b> ${escape(response.answer)}</p>
<p><b>Expected:</b> ${question.expect.length ? question.expect.map((p) => `<code>${escape(p)}</code>`).join(" and ") : "a refusal"}${result.missing.length ? ` — <b>missing</b> ${result.missing.map((p) => `<code>${escape(p)}</code>`).join(", ")}` : ""}</p>
${question.support.length ? `<p><b>Support:</b> ${question.support.map((s) => `“${escape(s)}”`).join(" or ")}${result.supported ? "" : " — <b>not in any cited passage</b>"}</p>` : ""}
${cited ? `<details><summary>Cited passages (${response.citations.length})</summary><ol>${cited}</ol></details>` : ""}
</article>`;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;margin:1rem 0}th,td{padding:.25rem .75rem;text-align:left;border-bottom:1px solid #ddd}
.bar{width:16rem;height:.9rem;background:#eee}.bar span{display:block;height:100%;background:#2f6fdf}
article{border-top:1px solid #ccc;padding:.5rem 0}h3 small{font-weight:normal;color:#555}blockquote{margin:.25rem 0 .5rem 1rem;color:#333;white-space:pre-wrap}
code{background:#f3f3f3;padding:0 .2rem}.history{color:#555}`;

/** A page a person can read: accuracy per kind of question as bars, then every miss with its evidence. */
export function renderHtmlReport(sets: ReportSet[], generatedAt = new Date().toISOString()): string {
  const summary = (m: EvalMetrics) =>
    `<table><tr><th>accuracy</th><td>${pct(m.accuracy)}</td></tr><tr><th>cited support</th><td>${pct(m.citedSupport)}</td></tr><tr><th>recall@6</th><td>${m.recall["@6"].toFixed(2)}</td></tr><tr><th>out-of-scope refused</th><td>${pct(m.oosRefusal)}</td></tr><tr><th>wrongly refused</th><td>${pct(m.wronglyRefused)}</td></tr><tr><th>latency p50 / p95</th><td>${m.latencyMs.p50} / ${m.latencyMs.p95} ms</td></tr></table>`;
  const body = sets
    .map((s) => `<section><h2>${escape(s.label)}</h2>${summary(s.metrics)}<h3>Accuracy by kind</h3><table>${kindBars(s.metrics)}</table><h3>Misses (${s.failures.length})</h3>${s.failures.map(miss).join("")}</section>`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Answer quality</title><style>${STYLE}</style></head><body><h1>Answer quality</h1><p>npm run eval, ${escape(generatedAt)}</p>${body}</body></html>\n`;
}
