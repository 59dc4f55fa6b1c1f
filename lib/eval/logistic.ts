/**
 * The two fits behind the answer model, written out because they are a few lines each and no
 * maintained npm package offers the grouped (softmax-per-question) ranking fit:
 * - a conditional-logit ranker: within each question, the sentences holding the answer should
 *   outrank the others (only the order within a question matters);
 * - plain logistic regression for answer-or-refuse.
 * Both by full-batch gradient descent with L2 (the ranker's features lie in [−1, 1]; the
 * classifier's are standardised first).
 */

export type Example = { x: number[]; y: 0 | 1 };

export type FitOptions = { l2: number; epochs: number; rate: number };

const DEFAULTS: FitOptions = { l2: 0.01, epochs: 300, rate: 0.5 };

const dotWith = (w: number[], x: number[]) => x.reduce((a, v, j) => a + v * w[j], 0);

/** Weights that rank each group's positives first (groups without a positive are skipped). */
export function fitRanker(groups: Example[][], options: Partial<FitOptions> = {}): number[] {
  const { l2, epochs, rate } = { ...DEFAULTS, ...options };
  const usable = groups.filter((g) => g.some((e) => e.y));
  const d = usable[0]?.[0].x.length ?? 0;
  const w = new Array<number>(d).fill(0);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Array<number>(d).fill(0);
    for (const group of usable) {
      const z = group.map((e) => dotWith(w, e.x));
      const max = Math.max(...z);
      const exp = z.map((v) => Math.exp(v - max));
      const sum = exp.reduce((a, b) => a + b, 0);
      const p = exp.map((v) => v / sum);
      const positive = p.reduce((a, v, i) => a + (group[i].y ? v : 0), 0);
      group.forEach((e, i) => {
        const target = e.y ? p[i] / positive : 0;
        for (let j = 0; j < d; j++) grad[j] += (p[i] - target) * e.x[j];
      });
    }
    for (let j = 0; j < d; j++) w[j] -= rate * (grad[j] / Math.max(1, usable.length) + l2 * w[j]);
  }
  return w;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Mean and spread of each feature, so that gradient descent sees them on one scale. */
function scales(examples: Example[]): { mean: number[]; spread: number[] } {
  const d = examples[0]?.x.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => examples.reduce((a, e) => a + e.x[j], 0) / examples.length);
  const spread = mean.map((m, j) => Math.sqrt(examples.reduce((a, e) => a + (e.x[j] - m) ** 2, 0) / examples.length) || 1);
  return { mean, spread };
}

/**
 * Logistic regression on standardised features; returns weights and bias for the raw
 * features (the standardisation folded back in), so callers need no scaler.
 */
export function fitLogistic(examples: Example[], options: Partial<FitOptions> = {}): { weights: number[]; bias: number } {
  const { l2, epochs, rate } = { ...DEFAULTS, epochs: 2000, ...options };
  const { mean, spread } = scales(examples);
  const scaled = examples.map((e) => ({ x: e.x.map((v, j) => (v - mean[j]) / spread[j]), y: e.y }));
  const d = mean.length;
  const w = new Array<number>(d).fill(0);
  let bias = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Array<number>(d).fill(0);
    let gb = 0;
    for (const e of scaled) {
      const err = sigmoid(dotWith(w, e.x) + bias) - e.y;
      for (let j = 0; j < d; j++) grad[j] += err * e.x[j];
      gb += err;
    }
    for (let j = 0; j < d; j++) w[j] -= rate * (grad[j] / scaled.length + l2 * w[j]);
    bias -= (rate * gb) / scaled.length;
  }
  const weights = w.map((v, j) => v / spread[j]);
  return { weights, bias: bias - weights.reduce((a, v, j) => a + v * mean[j], 0) };
}
