/**
 * Peak resident memory of this process: sampled every 50 ms and checked against the kernel's
 * own high-water mark (getrusage ru_maxrss), which also catches peaks inside synchronous work
 * that a timer cannot interrupt. Another process (the server under test) is sampled from /proc.
 */
import fs from 'node:fs';

export interface RssSampler {
  /** Stops sampling; returns the peak RSS in MB. */
  stop(): number;
}

/** Starts sampling process.memoryUsage().rss every intervalMs. */
export function startRssSampler(intervalMs = 50): RssSampler {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      const kernelPeak = process.resourceUsage().maxRSS * 1024;
      return Math.max(peak, process.memoryUsage().rss, kernelPeak) / (1024 * 1024);
    },
  };
}

function childrenOf(pid: number): number[] {
  try {
    const text = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return text === '' ? [] : text.split(/\s+/).map(Number);
  } catch {
    return [];
  }
}

/** Resident memory (MB) of another process and its descendants (two levels), read from /proc. */
export function treeRssMb(pid: number): number {
  let kb = 0;
  for (const p of [pid, ...childrenOf(pid).flatMap((c) => [c, ...childrenOf(c)])]) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      kb += Number(m?.[1] ?? 0);
    } catch {
      /* gone */
    }
  }
  return kb / 1024;
}

/** Samples treeRssMb(pid) every intervalMs (a server under test); stop() returns the peak in MB. */
export function startTreeRssSampler(pid: number, intervalMs = 100): RssSampler {
  let peak = treeRssMb(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssMb(pid));
  }, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, treeRssMb(pid));
    },
  };
}
