/**
 * AI benchmark (issue #15, `ai100k`): the demo company's org (N people, 2 snapshots) imported
 * untimed; then a year of DAILY per-user rows for three tools in their own export formats and the
 * pull requests of the same people (ai-data.ts), imported batch by batch through importAiFiles
 * (what `strata ai-import` and the upload commit run) and timed beside `psql \copy` of the same
 * rows as a flat CSV (ai-load.ts). Then the production server is started afresh and the AI
 * dashboard's API is asked for distinct (manager subtree, period) views, each once: the first
 * request after start, cold p50 / p95 / max, the server's peak RSS.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { parseIsoDay } from '@/cli/demo/dates';
import { familyPath } from '@/lib/query/families';
import { planAiViews, aiViewUrl } from './ai-plan';
import type { AiLoadOutcome } from './ai-load';
import { runInChild } from './child';
import { startColdServer, timeRequest, type ColdServer } from './cold-server';
import { ADMIN, cli, ensureDemoFiles } from './dashboard';
import { CACHE_ROOT } from './datasets';
import { createBenchDatabase, dropBenchDatabase, keepBenchDatabase } from './databases';
import { percentile, round } from './stats';

type Log = (message: string) => void;

export interface AiBenchOptions {
  people: number;
  days: number;
  /** pull requests over the whole period */
  pullRequests: number;
  /** days of files per import (one upload) */
  daysPerBatch: number;
  views: number;
  /** stop asking views after this many seconds (the rest are reported as not asked) */
  budgetSeconds: number;
  seed: number;
  verbose: boolean;
}

/** The `ai100k` section of the benchmark's JSON. */
export interface AiBenchFigures {
  /** the headline figures (#15): import seconds, cold p95 */
  importSeconds: number;
  coldP50Ms: number;
  coldP95Ms: number;
  company: string;
  measuredOn: string;
  import: {
    usageRows: number;
    pullRequests: number;
    files: number;
    batches: number;
    megabytes: number;
    rowsPerSecond: number;
    /** of importSeconds: reading and parsing the files; the rest is the commit */
    parseSeconds: number;
    psqlCopySeconds: number;
    /** import seconds / psql \copy seconds of the same rows (same run) */
    ratio: number;
    peakRssMb: number;
    slowestBatch: { seconds: number; rows: number };
  };
  views: {
    asked: number;
    /** views of the plan left unasked when the time budget ran out */
    notAsked: number;
    failures: number;
    maxMs: number;
    firstRequestMs: number;
    byPeriod: Record<'month' | 'quarter' | 'window', { p50Ms: number; p95Ms: number; views: number }>;
    serverPeakRssMb: number;
  };
  loadAverage: { before: number; after: number };
}

async function managersOf(url: string): Promise<{ asOf: string; managers: string[] }> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    const rows = await sql<{ as_of: string; id: string }[]>`
      select s.as_of::text as as_of, r.manager_id as id
      from snapshots s join people r on r.snapshot_id = s.id
      where s.is_current and s.as_of = (select max(as_of) from snapshots where is_current)
        and r.manager_id is not null
        and exists (select 1 from people m where m.snapshot_id = s.id and m.employee_id = r.manager_id)
      group by 1, 2 order by 2`;
    return { asOf: rows[0]?.as_of ?? '', managers: rows.map((r) => r.id) };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const kindOf = (url: string): 'month' | 'quarter' | 'window' => {
  if (url.includes('month=')) return 'month';
  const q = new URL(url, 'http://x').searchParams;
  const from = q.get('from') ?? '';
  const to = q.get('to') ?? '';
  return from.endsWith('-01') && Date.parse(to) - Date.parse(from) > 80 * 86_400_000 ? 'quarter' : 'window';
};

/** Runs the AI benchmark; needs a production build (`npm run build`). */
export async function benchAi(log: Log, opts: AiBenchOptions, script: string): Promise<AiBenchFigures> {
  if (!fs.existsSync('.next/BUILD_ID'))
    throw new Error('the AI benchmark needs a production build: run `npm run build` first');
  const company = `${opts.people.toLocaleString('en')} people, ${opts.days} days x 3 tools, ${opts.pullRequests.toLocaleString('en')} PRs`;
  const orgFiles = ensureDemoFiles(opts.people, 2, log);
  const newest = orgFiles.at(-1);
  if (newest === undefined) throw new Error('the demo generator wrote no org file');
  const loadBefore = os.loadavg()[0] ?? 0;
  const db = await createBenchDatabase();
  const ref = await createBenchDatabase();
  let server: ColdServer | null = null;
  try {
    const env = { ...process.env, DATABASE_URL: db.url };
    let t = performance.now();
    cli(['import', ...orgFiles], env);
    log(
      `ai: imported ${orgFiles.length} org snapshots in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed)`,
    );
    const { asOf, managers } = await managersOf(db.url);
    // The AI year ends on the newest snapshot's date.
    const lastDay = parseIsoDay(asOf);
    const dir = path.join(CACHE_ROOT, `ai-${process.pid}`);
    log(
      `ai: ${opts.days} days ending ${asOf}, ${opts.daysPerBatch} day(s) of files per import; ` +
        `${opts.pullRequests} PRs`,
    );
    t = performance.now();
    const load = await runInChild<AiLoadOutcome>(
      script,
      {
        kind: 'ai-load',
        url: db.url,
        refUrl: ref.url,
        dir,
        orgFile: newest,
        lastDay,
        days: opts.days,
        daysPerBatch: opts.daysPerBatch,
        prsPerDay: Math.round(opts.pullRequests / opts.days),
      },
      opts.verbose,
    );
    await dropBenchDatabase(ref.name);
    const ratio = load.seconds / load.psqlCopySeconds;
    log(
      `ai: import ${load.seconds.toFixed(1)} s for ${load.usageRows.toLocaleString('en')} usage rows + ` +
        `${load.pullRequests.toLocaleString('en')} PRs in ${load.files} files (${(load.bytes / 1e9).toFixed(2)} GB, ` +
        `${load.batches} imports), ${Math.round(load.usageRows / load.seconds).toLocaleString('en')} rows/s, ` +
        `peak ${Math.round(load.peakRssMb)} MB (parsing ${load.parseSeconds.toFixed(1)} s of it); psql \\copy ${load.psqlCopySeconds.toFixed(1)} s (x${ratio.toFixed(2)}); ` +
        `writing the files ${load.generateSeconds.toFixed(1)} s`,
    );
    cli(['users', 'add', '--email', ADMIN.email, '--role', 'admin', '--password', ADMIN.password], env);

    const months = [
      ...new Set(
        Array.from({ length: opts.days }, (_, k) =>
          new Date((lastDay - k) * 86_400_000).toISOString().slice(0, 7),
        ),
      ),
    ].sort();
    const plan = planAiViews({ managers, months, lastDay: asOf, count: opts.views, seed: opts.seed });
    server = await startColdServer(env);
    const { api } = server;
    const first = await timeRequest(api, familyPath('ai'));
    if (first.status !== 200) throw new Error(`the first AI dashboard request failed: HTTP ${first.status}`);
    log(
      `ai: server up in ${(server.startMs / 1000).toFixed(1)} s; first request (org-wide, newest month) ` +
        `${(first.ms / 1000).toFixed(2)} s`,
    );
    const all: number[] = [];
    const byKind = new Map<string, number[]>();
    let failures = 0;
    const viewsStart = performance.now();
    let skipped = 0;
    for (const [i, v] of plan.entries()) {
      // a time budget, so a slow build still reports what it answered
      if (performance.now() - viewsStart > opts.budgetSeconds * 1000) {
        skipped = plan.length - i;
        log(`ai: time budget of ${opts.budgetSeconds} s spent; ${skipped} views not asked`);
        break;
      }
      const url = aiViewUrl(v);
      const r = await timeRequest(api, url);
      if (r.status !== 200) {
        failures++;
        log(`  ${url}: HTTP ${r.status}`);
        continue;
      }
      all.push(r.ms);
      const k = kindOf(url);
      byKind.set(k, [...(byKind.get(k) ?? []), r.ms]);
      if (opts.verbose || (i + 1) % 20 === 0)
        log(
          `  ${i + 1}/${plan.length} ${url} ${r.ms.toFixed(0)} ms (p95 so far ${percentile(all, 95).toFixed(0)} ms)`,
        );
    }
    const peak = server.stopSampling();
    await server.stop();
    const p50 = round(percentile(all, 50), 1);
    const p95 = round(percentile(all, 95), 1);
    const maxMs = round(all.length ? Math.max(...all) : Number.NaN, 1);
    log(
      `ai: cold p50 ${p50} ms, p95 ${p95} ms, max ${maxMs} ms (${failures} failed); server peak ${Math.round(peak)} MB`,
    );
    const stat = (k: string) => {
      const ms = byKind.get(k) ?? [];
      return { p50Ms: round(percentile(ms, 50), 1), p95Ms: round(percentile(ms, 95), 1), views: ms.length };
    };
    return {
      importSeconds: round(load.seconds, 1),
      coldP50Ms: p50,
      coldP95Ms: p95,
      company,
      measuredOn: new Date().toISOString().slice(0, 10),
      import: {
        usageRows: load.usageRows,
        pullRequests: load.pullRequests,
        files: load.files,
        batches: load.batches,
        megabytes: Math.round(load.bytes / 1e6),
        rowsPerSecond: Math.round(load.usageRows / load.seconds),
        parseSeconds: round(load.parseSeconds, 1),
        psqlCopySeconds: round(load.psqlCopySeconds, 1),
        ratio: round(ratio, 2),
        peakRssMb: Math.round(load.peakRssMb),
        slowestBatch: { seconds: round(load.slowestBatch.seconds, 2), rows: load.slowestBatch.rows },
      },
      views: {
        asked: plan.length - skipped,
        notAsked: skipped,
        failures,
        maxMs,
        firstRequestMs: Math.round(first.ms),
        byPeriod: { month: stat('month'), quarter: stat('quarter'), window: stat('window') },
        serverPeakRssMb: Math.round(peak),
      },
      loadAverage: { before: round(loadBefore, 1), after: round(os.loadavg()[0] ?? 0, 1) },
    };
  } finally {
    await server?.stop();
    // STRATA_BENCH_KEEP_AI_DB=1 leaves the imported database for profiling (drop it by hand after)
    if (process.env.STRATA_BENCH_KEEP_AI_DB === '1') {
      keepBenchDatabase(db.name);
      log(`ai: kept database ${db.name} (${db.url})`);
    } else await dropBenchDatabase(db.name);
    await dropBenchDatabase(ref.name).catch(() => undefined);
  }
}

/** The report key: ai100k, ai10k ... */
export function aiKey(people: number): string {
  return `ai${Math.round(people / 1000)}k`;
}
