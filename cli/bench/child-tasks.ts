/**
 * The child side of the benchmark: each task runs alone in its process so its peak memory is its
 * own. The import goes through importFiles, the very code the `strata import` command runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setDatabase } from '@/db';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { importFiles } from '@/cli/commands/import-command';
import { writeDemoCompany } from '@/cli/demo/write';
import { parseOrgUpload } from '@/lib/ingest';
import { computeSnapshotResults } from '@/lib/metrics/snapshot-results';
import { runUploadTask } from './abuse-upload';
import { runAiLoad } from './ai-load';
import { RESULT_MARK } from './child';
import { startRssSampler } from './memory';
import { median, secondsSince } from './stats';
import type { BenchTask, GenerateOutcome, ImportOutcome, MetricsOutcome } from './tasks';

async function runImport(task: Extract<BenchTask, { kind: 'import' }>): Promise<ImportOutcome> {
  const opened = performance.now();
  const handle = await openDatabase(task.url ? { url: task.url } : { dataDir: task.dataDir ?? '' });
  try {
    await migrateDatabase(handle);
    setDatabase(handle);
    const openSeconds = secondsSince(opened);
    const phases: Array<[number, string]> = [];
    const sampler = startRssSampler();
    const start = performance.now();
    const { result, committed } = await importFiles([task.file], {}, (message) => {
      phases.push([secondsSince(start), message]);
      const rss = Math.round(process.memoryUsage().rss / 1048576);
      process.stderr.write(`${secondsSince(start).toFixed(3)}s ${message} [rss ${rss} MB]\n`);
    });
    const seconds = secondsSince(start);
    const peakRssMb = sampler.stop();
    const snapshot = committed[0];
    if (!result.ok || snapshot === undefined) {
      const first = [...result.fileIssues, ...result.snapshots.flatMap((s) => s.issues)].find(
        (i) => i.severity === 'error',
      );
      throw new Error(`import refused: ${first?.message ?? 'no snapshot committed'}`);
    }
    // Checked after the clock stops: everything the import promised is in the database.
    const count = async (table: string) => {
      const text = `select count(*)::int as n from ${table} where snapshot_id = $1`;
      const rows =
        handle.raw.kind === 'postgres'
          ? await handle.raw.sql.unsafe<{ n: number }[]>(text, [snapshot.id])
          : (await handle.raw.pg.query<{ n: number }>(text, [snapshot.id])).rows;
      return rows[0]?.n ?? 0;
    };
    return {
      seconds,
      openSeconds,
      peakRssMb,
      people: await count('people'),
      metricRows: await count('metric_results'),
      phases,
    };
  } finally {
    await handle.close();
  }
}

async function runMetrics(task: Extract<BenchTask, { kind: 'metrics' }>): Promise<MetricsOutcome> {
  const parsed = await parseOrgUpload([{ name: path.basename(task.file), path: task.file }]);
  const snap = parsed.snapshots[0];
  if (!parsed.ok || snap === undefined) throw new Error('the benchmark file did not parse');
  const sampler = startRssSampler();
  const options = { asOf: snap.asOf, execLayers: 2, ladder: 'auto' as const, previous: null };
  let start = performance.now();
  const results = computeSnapshotResults(snap.records, options);
  const seconds = secondsSince(start);
  const warm: number[] = [];
  for (let i = 0; i < 2; i++) {
    start = performance.now();
    computeSnapshotResults(snap.records, options);
    warm.push(secondsSince(start));
  }
  return {
    seconds,
    warmSeconds: median(warm),
    records: snap.records.length,
    rows: results.rows.length,
    peakRssMb: sampler.stop(),
  };
}

function runGenerate(task: Extract<BenchTask, { kind: 'generate' }>): GenerateOutcome {
  fs.rmSync(task.dir, { recursive: true, force: true });
  const summary = writeDemoCompany(task.dir, { size: task.size, months: task.months, seed: task.seed }, (p) =>
    process.stderr.write(`generated ${p.asOf}: ${p.headcount} people\n`),
  );
  return { files: summary.files };
}

/** Runs the task given on the command line and prints its result line on stdout. */
export async function runBenchTask(json: string): Promise<void> {
  const task = JSON.parse(json) as BenchTask;
  const result =
    task.kind === 'import'
      ? await runImport(task)
      : task.kind === 'metrics'
        ? await runMetrics(task)
        : task.kind === 'upload'
          ? await runUploadTask(task)
          : task.kind === 'ai-load'
            ? await runAiLoad(task)
            : runGenerate(task);
  process.stdout.write(`\n${RESULT_MARK}${JSON.stringify(result)}\n`);
}
