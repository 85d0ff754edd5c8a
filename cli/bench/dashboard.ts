/**
 * Dashboard benchmark (issue 5): the 100k-person, 24-snapshot demo company on PostgreSQL, served
 * by the production build; 20 concurrent signed-in clients request the Overview's data, and
 * headless Chromium measures how long the Overview takes to be fully drawn.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, request, type APIRequestContext } from 'playwright-core';
import { familyPath } from '@/lib/query/families';
import { writeDemoCompany } from '../demo/write';
import { generatorHash } from './datasets';
import { createBenchDatabase, dropBenchDatabase } from './databases';
import { percentile, round } from './stats';

type Log = (message: string) => void;

const PORT = Number(process.env.BENCH_DASHBOARD_PORT ?? 3990);
/** Where the benchmark's production server listens (BENCH_DASHBOARD_PORT, default 3990). */
export const BASE = `http://127.0.0.1:${PORT}`;
/** The benchmark's admin account. */
export const ADMIN = { email: 'bench@strata.local', password: 'bench-password-123' };
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The demo company's org files, or those starting with `prefix` (generated once per size and month count). */
export function ensureDemoFiles(size: number, months: number, log: Log, prefix = 'org-'): string[] {
  // keyed by the generator's sources too: a changed generator (e.g. a new column) regenerates
  const dir = path.join(os.tmpdir(), 'strata-bench', `demo-${size}-${months}-${generatorHash()}`);
  const done = path.join(dir, '.complete');
  if (!fs.existsSync(done)) {
    log(`generating the ${size.toLocaleString('en')}-person, ${months}-month demo company`);
    fs.rmSync(dir, { recursive: true, force: true });
    // The generic team CSV: the tools' exports would be far larger than the benchmarks need at this size.
    writeDemoCompany(dir, { size, months, ai: 'generic' });
    fs.writeFileSync(done, '');
  }
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.csv'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Runs a `strata` command against the benchmark database. */
export function cli(args: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/strata.ts', ...args], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (r.status !== 0) throw new Error(`strata ${args[0]} failed: ${r.stderr?.toString().slice(-500)}`);
}

/** Waits until the production server answers /login. */
export async function waitForServer(child: ChildProcess): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error('the server exited during start');
    try {
      if ((await fetch(`${BASE}/login`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not start within 2 minutes');
}

/** Starts the production build (`next start`) on BASE against env's DATABASE_URL. */
export function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['scripts/server.mjs', '-p', String(PORT), '-H', '127.0.0.1'], {
    env: { ...env, NEXTAUTH_SECRET: 'bench-secret', NEXTAUTH_URL: BASE, NODE_ENV: 'production' },
    stdio: 'ignore',
  });
}

/** A request context signed in as the benchmark's admin (or the user given). */
export async function signedIn(
  user: { email: string; password: string } = ADMIN,
): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: BASE });
  const csrf = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await api.post('/api/auth/callback/credentials', {
    form: { csrfToken: csrf.csrfToken, email: user.email, password: user.password, json: 'true' },
  });
  if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
  return api;
}

/** The Overview's data requests: the overview family plus the controls' lists. */
export const OVERVIEW_URLS = [familyPath('overview'), '/api/snapshots', '/api/org/departments'];

/** `clients` concurrent readers of the Overview's data for `seconds`; every request's latency in ms. */
export async function readDashboards(
  api: APIRequestContext,
  clients: number,
  seconds: number,
): Promise<number[]> {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let k = c; performance.now() < end; k++) {
        const t = performance.now();
        const url = OVERVIEW_URLS[k % OVERVIEW_URLS.length] ?? '/';
        // A kept-alive socket the server closed as it was reused: the request is sent again once.
        const res = await api.get(url).catch(() => api.get(url));
        if (!res.ok()) throw new Error(`request failed: ${res.status()}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return latencies;
}

/** Runs the dashboard benchmark; needs a production build (`npm run build`). */
export async function benchDashboard(
  log: Log,
  opts: { size?: number; months?: number; clients?: number; seconds?: number } = {},
) {
  if (!fs.existsSync('.next/BUILD_ID'))
    throw new Error('dashboard benchmark needs a production build: run `npm run build` first');
  const size = opts.size ?? 100_000;
  const months = opts.months ?? 24;
  const clients = opts.clients ?? 20;
  const seconds = opts.seconds ?? 15;
  const files = ensureDemoFiles(size, months, log);
  const db = await createBenchDatabase();
  let server: ChildProcess | null = null;
  try {
    const env = { ...process.env, DATABASE_URL: db.url };
    log(`importing ${files.length} snapshots into ${db.name} (not timed)`);
    cli(['import', ...files], env);
    cli(['users', 'add', '--email', ADMIN.email, '--role', 'admin', '--password', ADMIN.password], env);
    server = startServer(env);
    await waitForServer(server);
    const api = await signedIn();
    const warm = performance.now();
    for (const u of OVERVIEW_URLS) await api.get(u);
    log(
      `warm-up (first request builds the in-memory tree): ${((performance.now() - warm) / 1000).toFixed(2)} s`,
    );
    const latencies = await readDashboards(api, clients, seconds);
    log(`${latencies.length} requests from ${clients} clients in ${seconds} s`);
    const state = await api.storageState();
    await api.dispose();
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    const context = await browser.newContext({ storageState: state, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const drawn: number[] = [];
    for (let i = 0; i < 4; i++) {
      const t = performance.now();
      await page.goto(`${BASE}/overview`);
      await page.waitForSelector('[data-testid=kpi-headcount-value]');
      await page.waitForFunction(() => document.querySelectorAll('.recharts-surface').length >= 3);
      if (i > 0) drawn.push((performance.now() - t) / 1000);
    }
    await browser.close();
    return {
      p50Ms: round(percentile(latencies, 50), 1),
      p95Ms: round(percentile(latencies, 95), 1),
      overviewDrawnSeconds: round(percentile(drawn, 50), 2),
    };
  } finally {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await dropBenchDatabase(db.name);
  }
}
