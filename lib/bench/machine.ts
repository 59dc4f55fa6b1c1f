import os from "node:os";

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
