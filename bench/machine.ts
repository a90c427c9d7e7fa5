import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';

/** The facts about the machine a bench result needs beside it. */
export function machineFacts() {
  return {
    cpus: cpus().length,
    availableParallelism: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    totalMemoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${platform()} ${release()}`,
    node: process.version,
    v8: process.versions.v8,
    loadAverageAtStart: loadAverage(),
  };
}

export function loadAverage(): number[] {
  return loadavg().map((value) => Math.round(value * 100) / 100);
}
