/**
 * The cold-server harness shared by the cold-view benchmark (views.ts) and the AI benchmark
 * (ai-bench.ts): the production server started afresh on a database, its process tree's memory
 * sampled, a client signed in as the benchmark's admin, requests timed to their last byte, and the
 * server ended however the run ends.
 */
import type { APIRequestContext } from 'playwright-core';
import { signedIn, startServer, waitForServer } from './dashboard';
import { startTreeRssSampler } from './memory';

export interface ColdServer {
  api: APIRequestContext;
  /** ms from spawning the server until it answered */
  startMs: number;
  /** Stops sampling and returns the server's peak resident memory (MB, its whole process tree). */
  stopSampling(): number;
  /** Ends the client, the sampling and the server (safe to call more than once, and after a failure). */
  stop(): Promise<void>;
}

/** Starts the production build on env's DATABASE_URL, samples its memory and signs in (as admin, or `user`). */
export async function startColdServer(
  env: NodeJS.ProcessEnv,
  user?: { email: string; password: string },
): Promise<ColdServer> {
  const t = performance.now();
  const server = startServer(env);
  let peak: number | null = null;
  let sampler: { stop(): number } | null = null;
  let api: APIRequestContext | null = null;
  const stopSampling = () => (peak ??= sampler?.stop() ?? 0);
  const stop = async () => {
    stopSampling();
    const client = api;
    api = null;
    await client?.dispose().catch(() => undefined);
    if (server.exitCode === null && !server.killed) {
      server.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  try {
    await waitForServer(server);
    const startMs = performance.now() - t;
    sampler = startTreeRssSampler(server.pid ?? 0);
    api = await signedIn(user);
    return { api, startMs, stopSampling, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** One request, timed to its last byte; no client-side timeout (a cold view can take minutes). */
export async function timeRequest(
  api: APIRequestContext,
  url: string,
): Promise<{ ms: number; status: number }> {
  const t = performance.now();
  // A kept-alive socket the server closed as it was reused: the request is sent again once.
  try {
    const res = await api.get(url, { timeout: 0 }).catch(() => api.get(url, { timeout: 0 }));
    await res.body();
    const ms = performance.now() - t;
    const status = res.status();
    await res.dispose();
    return { ms, status };
  } catch {
    // No answer at all (the server died, say): a failure, counted, so the figures so far survive.
    return { ms: performance.now() - t, status: 0 };
  }
}
