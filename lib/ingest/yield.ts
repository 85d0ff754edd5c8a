/**
 * Cooperative scheduling for the readers: a big upload is parsed in chunks, and between chunks the
 * event loop runs other requests (microtask-only awaits, as in `for await`, would never let it).
 */
import { setImmediate as immediate } from 'node:timers/promises';

let last = 0;

/** Milliseconds of parsing between two yields. */
export const SLICE_MS = 10;

/** Lets timers and I/O run when this parse has held the loop for SLICE_MS or more. */
export async function yieldToLoop(): Promise<void> {
  const now = performance.now();
  if (now - last < SLICE_MS) return;
  await immediate();
  last = performance.now();
}
