/**
 * Cold-view benchmark (issue #13): what a leader waits for when asking for a view nobody has asked
 * for since the last import. A demo company of N people x S snapshots in a fresh PostgreSQL
 * database, the production server started afresh, signed in as admin: (a) the first request after
 * start (the org-wide Overview), (b) distinct (family, snapshot, manager's subtree) views asked
 * once each, one at a time, (c) concurrent clients over a pool of further distinct views, (d) the
 * server's peak resident memory. No view is asked twice, so the answer cache never answers.
 * With `asLeader`, signed in as a leader (privacy floor) scoped to the largest manager's subtree
 * below the top, who exists before the import (so the import stores their floor marks, as for
 * an organisation's leaders): the first request is their scope's Overview, and the views are
 * subtrees inside their scope. With `pglite`, the company goes into an embedded PGlite folder
 * (the default for a new user: no DATABASE_URL) and the server runs on it; `psql \copy` into
 * PostgreSQL stays the same-run reference.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { APIRequestContext } from 'playwright-core';
import { startColdServer, timeRequest, type ColdServer } from './cold-server';
import { ADMIN, cli, ensureDemoFiles } from './dashboard';
import { familyPath } from '@/lib/query/families';
import { createBenchDatabase, dropBenchDatabase } from './databases';
import { createPlainTable, timePsqlCopy } from './psql-copy';
import { percentile, round, secondsSince } from './stats';
import {
  planViews,
  viewUrl,
  VIEW_FAMILIES,
  type SnapshotManagers,
  type View,
  type ViewFamily,
} from './view-plan';

type Log = (message: string) => void;

export interface ViewsOptions {
  people: number;
  snapshots: number;
  /** cold views asked one at a time, per family */
  perFamily: number;
  clients: number;
  seconds: number;
  seed: number;
  /** skip the AI-usage import (slow at a million people); the ai family then shows no data */
  withoutAi: boolean;
  /** sign in as a leader scoped to a subtree instead of admin (see the top of this file) */
  asLeader?: boolean;
  /** the families asked for (default every one) */
  families?: readonly ViewFamily[];
  /** the embedded PGlite database instead of PostgreSQL (the default for a new user) */
  pglite?: boolean;
}

/** The leader the benchmark signs in as with `asLeader`. */
const LEADER = { email: 'bench-leader@strata.local', password: 'bench-password-123' };
/** The organisation created before the leader (import without --org then imports into it). */
const BENCH_ORG = 'Organisation 1';

interface Latencies {
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/** The `views` section of the benchmark's JSON. */
export interface ViewsFigures {
  /** the headline figures (#13): cold views one at a time, 20 clients, first request, memory */
  coldP50Ms: number;
  coldP95Ms: number;
  loadP95Ms: number;
  firstRequestMs: number;
  serverRssMb: number;
  company: string;
  /** where the company was stored: PostgreSQL, or the embedded PGlite folder (`--pglite`) */
  database: 'postgres' | 'pglite';
  /** who asked: admin, or a leader scoped to this manager's subtree */
  reader: { role: 'admin' } | { role: 'leader'; scope: string };
  /** the families asked for */
  families: string[];
  /** whether the demo company's AI usage was imported (the ai family has data) */
  aiImported: boolean;
  measuredOn: string;
  importSeconds: number;
  /** psql \copy of the newest org file in the same run: how fast the machine was that day */
  psqlCopySeconds: number;
  /** the 1-minute load average before and after (a shared machine's other work) */
  loadAverage: { before: number; after: number };
  firstRequestSeconds: number;
  cold: Latencies & { views: number; failures: number; perFamily: Record<string, Latencies> };
  concurrent: Latencies & {
    clients: number;
    seconds: number;
    /** answers (HTTP 200) that arrived within the window */
    answers: number;
    /** every request, including those still in flight when the window closed */
    answersTotal: number;
    failures: number;
  };
  peakServerRssMb: number;
  /** disk of the organisation's tables after the org import (not the AI ones), in MB */
  disk: { orgMb: number; perSnapshotMb: number; tablesMb: Record<string, number> };
}

const latencies = (ms: readonly number[]): Latencies => ({
  p50Ms: round(percentile(ms, 50), 1),
  p95Ms: round(percentile(ms, 95), 1),
  maxMs: round(ms.length === 0 ? Number.NaN : Math.max(...ms), 1),
});

/**
 * The current snapshots' dates and, for each, the stored people who have reports (with `scope`,
 * only those in that manager's subtree, the scope root included).
 */
/** Where the company lives: a PostgreSQL database (url) or a PGlite folder (dataDir). */
type BenchStore = { url: string; dataDir?: undefined } | { url?: undefined; dataDir: string };

/** One read-only statement against the bench's store (PostgreSQL or the PGlite folder). */
async function queryStore<T>(store: BenchStore, text: string, params: unknown[] = []): Promise<T[]> {
  if (store.dataDir !== undefined) {
    const db = new PGlite(path.join(store.dataDir, 'pg')); // where db/client.ts keeps it
    try {
      return (await db.query<T>(text, params)).rows;
    } finally {
      await db.close();
    }
  }
  const sql = postgres(store.url, { max: 1, onnotice: () => undefined });
  try {
    return (await sql.unsafe(text, params as never[])) as unknown as T[];
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * The disk the organisation's snapshots take (issue #13: "disk per 1M snapshot reported"): every
 * table with its indexes and TOAST but the AI ones (ai_*, pull_requests), in MB, and per snapshot.
 */
async function readDisk(store: BenchStore, snapshots: number): Promise<ViewsFigures['disk']> {
  const rows = await queryStore<{ name: string; bytes: string | number }>(
    store,
    `select c.relname as name, pg_total_relation_size(c.oid)::bigint as bytes
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' and c.relname not like 'ai\\_%' and c.relname <> 'pull_requests'
     order by 2 desc`,
  );
  const mb = (b: string | number) => round(Number(b) / 1_048_576, 1);
  const total = rows.reduce((n, r) => n + Number(r.bytes), 0);
  return {
    orgMb: mb(total),
    perSnapshotMb: mb(total / Math.max(1, snapshots)),
    tablesMb: Object.fromEntries(
      rows.filter((r) => Number(r.bytes) >= 1_048_576).map((r) => [r.name, mb(r.bytes)]),
    ),
  };
}

async function readManagers(store: BenchStore, scope: string | null = null): Promise<SnapshotManagers[]> {
  const text =
    scope === null
      ? `select s.as_of::text as as_of, r.manager_id as id
      from snapshots s join people r on r.snapshot_id = s.id
      where s.is_current and r.manager_id is not null
        and exists (select 1 from people m where m.snapshot_id = s.id and m.employee_id = r.manager_id)
      group by 1, 2 order by 1, 2`
      : `with recursive inside(snapshot_id, id) as (
        select p.snapshot_id, p.employee_id from people p join snapshots s on s.id = p.snapshot_id
        where s.is_current and p.employee_id = $1
        union
        select r.snapshot_id, r.employee_id from people r join inside i
          on r.snapshot_id = i.snapshot_id and r.manager_id = i.id
      )
      select s.as_of::text as as_of, i.id
      from inside i join snapshots s on s.id = i.snapshot_id
      where exists (select 1 from people r where r.snapshot_id = i.snapshot_id and r.manager_id = i.id)
      group by 1, 2 order by 1, 2`;
  const rows = await queryStore<{ as_of: string; id: string }>(store, text, scope === null ? [] : [scope]);
  const by = new Map<string, string[]>();
  for (const r of rows) {
    const list = by.get(r.as_of) ?? [];
    list.push(r.id);
    by.set(r.as_of, list);
  }
  return [...by].map(([asOf, managers]) => ({ asOf, managers }));
}

/**
 * The manager with the largest subtree below the top of an org file (a leader's scope with much
 * under it); only the first two columns (ids) are read.
 */
function largestManager(file: string): string {
  const manager = new Map<string, string>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
    const [id, boss] = line.split(',', 2);
    if (id) manager.set(id, boss ?? '');
  }
  const size = new Map<string, number>();
  for (const id of manager.keys())
    for (let m = manager.get(id); m; m = manager.get(m)) size.set(m, (size.get(m) ?? 0) + 1);
  let best: [string, number] | null = null;
  for (const [id, n] of size) if (manager.get(id) && (best === null || n > best[1])) best = [id, n];
  if (best === null) throw new Error(`no manager below the top in ${file}`);
  return best[0];
}

/** psql \copy of the file into a plain table of its own throw-away database, in seconds. */
async function referenceCopySeconds(file: string): Promise<number> {
  const db = await createBenchDatabase();
  try {
    await createPlainTable(db.url, file);
    return await timePsqlCopy(db.url, file);
  } finally {
    await dropBenchDatabase(db.name);
  }
}

/** Asks each view once, in order; latencies of the answered ones, per family. */
async function askCold(api: APIRequestContext, views: readonly View[], log: Log) {
  const all: number[] = [];
  const byFamily = new Map<string, number[]>();
  let failures = 0;
  for (const [i, v] of views.entries()) {
    const url = viewUrl(v);
    const { ms, status } = await timeRequest(api, url);
    if (status !== 200) {
      failures++;
      log(`  ${url}: HTTP ${status}`);
      continue;
    }
    all.push(ms);
    byFamily.set(v.family, [...(byFamily.get(v.family) ?? []), ms]);
    if (ms >= 5000) log(`  slow: ${url} ${(ms / 1000).toFixed(1)} s`);
    if ((i + 1) % 25 === 0)
      log(`  ${i + 1}/${views.length} cold views, p50 so far ${(percentile(all, 50) / 1000).toFixed(2)} s`);
  }
  return { all, byFamily, failures };
}

/**
 * `clients` readers each taking the next unasked view of the pool until every view is asked or
 * `seconds` have passed (a fast server answers the whole pool; no view is asked twice).
 */
async function askConcurrently(
  api: APIRequestContext,
  pool: readonly View[],
  clients: number,
  seconds: number,
  log: Log,
) {
  const ms: number[] = [];
  let next = 0;
  let answers = 0;
  let failures = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const v = pool[next++];
        if (!v) break;
        const url = viewUrl(v);
        const r = await timeRequest(api, url);
        if (r.status !== 200) {
          failures++;
          log(`  ${url}: HTTP ${r.status}`);
        } else {
          ms.push(r.ms);
          if (performance.now() <= end) answers++;
        }
      }
    }),
  );
  return { ms, answers, failures };
}

/** Runs the cold-view benchmark; needs a production build (`npm run build`). */
export async function benchViews(log: Log, opts: ViewsOptions): Promise<ViewsFigures> {
  if (!fs.existsSync('.next/BUILD_ID'))
    throw new Error('the cold-view benchmark needs a production build: run `npm run build` first');
  const company = `${opts.people.toLocaleString('en')} people x ${opts.snapshots} snapshots`;
  const families = opts.families ?? VIEW_FAMILIES;
  const orgFiles = ensureDemoFiles(opts.people, opts.snapshots, log);
  const aiFiles = opts.withoutAi ? [] : ensureDemoFiles(opts.people, opts.snapshots, log, 'ai-usage-');
  const loadBefore = os.loadavg()[0] ?? 0;
  const newest = orgFiles.at(-1);
  if (newest === undefined) throw new Error('the demo generator wrote no org file');
  const psqlCopySeconds = await referenceCopySeconds(newest);
  log(`views: psql \\copy of the newest org file ${psqlCopySeconds.toFixed(2)} s (same-run reference)`);
  const db = opts.pglite ? null : await createBenchDatabase();
  const dataDir = opts.pglite ? fs.mkdtempSync(path.join(os.tmpdir(), 'strata-views-pglite-')) : null;
  const store: BenchStore = dataDir !== null ? { dataDir } : { url: db?.url ?? '' };
  let server: ColdServer | null = null;
  try {
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (dataDir !== null) {
      delete env.DATABASE_URL;
      env.STRATA_DATA_DIR = dataDir;
    } else env.DATABASE_URL = db?.url;
    const scope = opts.asLeader ? largestManager(newest) : null;
    if (scope !== null) {
      cli(['orgs', 'create', BENCH_ORG], env);
      cli(
        [
          'users',
          'add',
          '--email',
          LEADER.email,
          '--role',
          'leader',
          '--scope',
          scope,
          '--password',
          LEADER.password,
        ],
        env,
      );
      log(`views: signed in as a leader scoped to ${scope}`);
    }
    let t = performance.now();
    cli(['import', ...orgFiles], env);
    const importSeconds = secondsSince(t);
    log(`views: imported ${orgFiles.length} snapshots of ${company} in ${importSeconds.toFixed(1)} s`);
    const disk = await readDisk(store, orgFiles.length);
    log(`views: the organisation's tables take ${disk.orgMb} MB, ${disk.perSnapshotMb} MB a snapshot`);
    t = performance.now();
    if (aiFiles.length > 0) cli(['ai-import', ...aiFiles], env);
    log(`views: imported ${aiFiles.length} AI-usage files in ${secondsSince(t).toFixed(1)} s`);
    cli(['users', 'add', '--email', ADMIN.email, '--role', 'admin', '--password', ADMIN.password], env);

    const snapshots = await readManagers(store, scope);
    const managers = snapshots.reduce((n, s) => n + s.managers.length, 0);
    const cold = opts.perFamily * families.length;
    // 20 clients over 200 distinct views nobody asked for (issue #13), never one asked twice.
    const poolSize = Math.min(200, (managers - opts.perFamily - 1) * families.length);
    const plan = planViews({ snapshots, cold, pool: poolSize, seed: opts.seed, families });
    log(`views: ${snapshots.length} snapshots, ${managers} (snapshot, manager) subtrees; ${cold} cold views`);

    server = await startColdServer(env, scope === null ? undefined : LEADER);
    const { api } = server;
    const first = await timeRequest(api, familyPath('overview'));
    if (first.status !== 200) throw new Error(`the first Overview failed: HTTP ${first.status}`);
    log(
      `views: first request after start (${scope === null ? 'org-wide' : "the leader's"} Overview) ${(first.ms / 1000).toFixed(2)} s`,
    );

    const c = await askCold(api, plan.cold, log);
    const coldFigures = latencies(c.all);
    log(
      `views: cold p50 ${(coldFigures.p50Ms / 1000).toFixed(2)} s, p95 ${(coldFigures.p95Ms / 1000).toFixed(2)} s, ` +
        `max ${(coldFigures.maxMs / 1000).toFixed(2)} s (${c.failures} failed)`,
    );
    log(`views: ${opts.clients} clients for ${opts.seconds} s over ${poolSize} further distinct views`);
    const p = await askConcurrently(api, plan.pool, opts.clients, opts.seconds, log);
    const peak = server.stopSampling();
    await server.stop();
    const conc = latencies(p.ms);
    log(
      `views: concurrent p50 ${(conc.p50Ms / 1000).toFixed(2)} s, p95 ${(conc.p95Ms / 1000).toFixed(2)} s, ` +
        `${p.answers} answers in ${opts.seconds} s (${p.ms.length} in all); server peak RSS ${Math.round(peak)} MB`,
    );
    return {
      coldP50Ms: coldFigures.p50Ms,
      coldP95Ms: coldFigures.p95Ms,
      loadP95Ms: conc.p95Ms,
      firstRequestMs: Math.round(first.ms),
      serverRssMb: Math.round(peak),
      company,
      database: dataDir !== null ? 'pglite' : 'postgres',
      reader: scope === null ? { role: 'admin' } : { role: 'leader', scope },
      families: [...families],
      aiImported: aiFiles.length > 0,
      measuredOn: new Date().toISOString().slice(0, 10),
      importSeconds: round(importSeconds, 1),
      psqlCopySeconds: round(psqlCopySeconds, 2),
      loadAverage: { before: round(loadBefore, 1), after: round(os.loadavg()[0] ?? 0, 1) },
      firstRequestSeconds: round(first.ms / 1000, 2),
      cold: {
        views: plan.cold.length,
        failures: c.failures,
        ...coldFigures,
        perFamily: Object.fromEntries(families.map((f) => [f, latencies(c.byFamily.get(f) ?? [])])),
      },
      concurrent: {
        clients: opts.clients,
        seconds: opts.seconds,
        answers: p.answers,
        answersTotal: p.ms.length + p.failures,
        failures: p.failures,
        ...conc,
      },
      peakServerRssMb: Math.round(peak),
      disk,
    };
  } finally {
    await server?.stop();
    if (db !== null) await dropBenchDatabase(db.name);
    if (dataDir !== null) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The report key of a cold-view run: views100k, views1m, views10k ... (issue #13's names); views100kPglite on PGlite. */
export function viewsKey(people: number, pglite = false): string {
  const size =
    people >= 1_000_000 && people % 1_000_000 === 0
      ? `${people / 1_000_000}m`
      : `${Math.round(people / 1000)}k`;
  return pglite ? `views${size}Pglite` : `views${size}`;
}
