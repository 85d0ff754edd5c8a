/**
 * Abuse benchmark (issue #11 item 5): on the production build, 20 clients read the Overview's data
 * for a while alone, then again while one client keeps uploading a 50 MB one-line CSV and another
 * an XLSX zip bomb. Reports both p95s, their ratio (target < 2x), what the hostile uploads got
 * back, and the server's peak resident memory (target < 1.5 GB), sampled from /proc.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { APIRequestContext } from 'playwright-core';
import { runInChild } from './child';
import { createBenchDatabase, dropBenchDatabase } from './databases';
import {
  ADMIN,
  BASE,
  cli,
  ensureDemoFiles,
  readDashboards,
  signedIn,
  startServer,
  waitForServer,
} from './dashboard';
import { startTreeRssSampler, type RssSampler } from './memory';
import { percentile, round } from './stats';
import type { HostileFigures } from './tasks';

type Log = (message: string) => void;

/** The `abuse` section of the benchmark's JSON. */
export interface AbuseFigures {
  company: string;
  clients: number;
  seconds: number;
  baselineP95Ms: number;
  abuseP95Ms: number;
  /** abuseP95Ms / baselineP95Ms; target < 2. */
  p95Ratio: number;
  baselineRequests: number;
  abuseRequests: number;
  /** largest resident memory of the server's process tree during the run; target < 1,536. */
  peakServerRssMb: number;
  oneLineCsv50Mb: HostileFigures;
  xlsxBomb: HostileFigures;
}

/** The session cookie of a signed-in context, for plain fetch. */
async function cookieOf(api: APIRequestContext): Promise<string> {
  const state = await api.storageState();
  return state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Runs the abuse benchmark; needs a production build (`npx next build`). */
export async function benchAbuse(
  log: Log,
  script: string,
  opts: { size?: number; months?: number; clients?: number; seconds?: number } = {},
): Promise<AbuseFigures> {
  if (!fs.existsSync('.next/BUILD_ID'))
    throw new Error('the abuse benchmark needs a production build: run `npx next build` first');
  const size = opts.size ?? 10_000;
  const months = opts.months ?? 6;
  const clients = opts.clients ?? 20;
  const seconds = opts.seconds ?? 20;
  const files = ensureDemoFiles(size, months, log);
  const db = await createBenchDatabase();
  let server: ChildProcess | null = null;
  let sampler: RssSampler | null = null;
  try {
    const env = { ...process.env, DATABASE_URL: db.url };
    log(`abuse: importing ${files.length} snapshots of ${size.toLocaleString('en')} people (not timed)`);
    cli(['import', ...files], env);
    cli(['users', 'add', '--email', ADMIN.email, '--role', 'admin', '--password', ADMIN.password], env);
    server = startServer(env);
    await waitForServer(server);
    sampler = startTreeRssSampler(server.pid ?? 0);
    const readers = await signedIn();
    await readDashboards(readers, 2, 3); // warm-up: the first requests build the in-memory trees
    log(`abuse: baseline, ${clients} clients for ${seconds} s`);
    const baseline = await readDashboards(readers, clients, seconds);
    log(
      `abuse: ${clients} clients for ${seconds} s while a 50 MB one-line CSV and an XLSX zip bomb ` +
        '(3 GiB inflated) are uploaded over and over, each from its own process',
    );
    const cookie = await cookieOf(readers);
    const upload = (file: 'csv' | 'bomb') =>
      runInChild<HostileFigures>(script, { kind: 'upload', base: BASE, cookie, file, seconds }, false);
    const [abused, csvOut, bombOut] = await Promise.all([
      readDashboards(readers, clients, seconds),
      upload('csv'),
      upload('bomb'),
    ]);
    const baselineP95 = percentile(baseline, 95);
    const abuseP95 = percentile(abused, 95);
    const peak = sampler.stop();
    log(
      `abuse: p95 ${baselineP95.toFixed(1)} ms alone, ${abuseP95.toFixed(1)} ms under abuse; ` +
        `server peak RSS ${Math.round(peak)} MB; CSV ${JSON.stringify(csvOut.statuses)}, bomb ${JSON.stringify(bombOut.statuses)}`,
    );
    return {
      company: `${size.toLocaleString('en')} people x ${months} snapshots`,
      clients,
      seconds,
      baselineP95Ms: round(baselineP95, 1),
      abuseP95Ms: round(abuseP95, 1),
      p95Ratio: round(abuseP95 / baselineP95, 2),
      baselineRequests: baseline.length,
      abuseRequests: abused.length,
      peakServerRssMb: Math.round(peak),
      oneLineCsv50Mb: csvOut,
      xlsxBomb: bombOut,
    };
  } finally {
    sampler?.stop();
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await dropBenchDatabase(db.name);
  }
}
