import os from "node:os";
import { percentile } from "@/lib/eval/run";

/** Latency summary of a list of samples (milliseconds). */
export type Summary = { n: number; mean: number; p50: number; p95: number; p99: number; max: number };

export const round = (x: number, digits = 3) => Number(x.toFixed(digits));

export function summarize(samples: number[]): Summary {
  const mean = samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length);
  return {
    n: samples.length,
    mean: round(mean),
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    p99: round(percentile(samples, 99)),
    max: round(samples.length ? Math.max(...samples) : 0),
  };
}

/** Runs `fn` and gives its result with the milliseconds it took. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

/** `rounds` passes over the items, in order. */
export const repeated = <T>(items: T[], rounds: number): T[] => Array.from({ length: rounds }, () => items).flat();

/** Calls `fn` once per item and collects the milliseconds of each call. */
export async function sample<T>(items: T[], fn: (item: T, i: number) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const started = performance.now();
    await fn(items[i], i);
    out.push(performance.now() - started);
  }
  return out;
}

/** A small deterministic PRNG (mulberry32), so synthetic data is the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The machine a run was made on: figures are only comparable between like machines and loads. */
export type Machine = { date: string; os: string; cpus: number; cpuModel: string; totalMemGiB: number; node: string; loadStart: number; loadEnd: number };

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    totalMemGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    loadStart: os.loadavg()[0],
    loadEnd: os.loadavg()[0],
  };
}
