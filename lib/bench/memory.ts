/**
 * Peak resident memory of this process: sampled every 50 ms and checked against the kernel's
 * own high-water mark (getrusage ru_maxrss), which also catches peaks inside synchronous work
 * that a timer cannot interrupt.
 */
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
