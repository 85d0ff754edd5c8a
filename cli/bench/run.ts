/**
 * The benchmark plan: generated inputs, then for each size the psql \copy reference and the
 * import (alternating, each into a fresh database), the metrics engine against recursive SQL,
 * the PGlite import and the subtree query latency. Figures are medians over the repetitions;
 * peak memory is the largest seen.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runInChild } from './child';
import { ensureOrgFile, type OrgFile } from './datasets';
import { checkServer, createBenchDatabase, dropBenchDatabase } from './databases';
import { createPlainTable, timePsqlCopy } from './psql-copy';
import { timeRecursiveSql } from './recursive-sql';
import type { BenchReport, ImportFigures } from './report';
import { median, round } from './stats';
import { timeSubtreeQueries } from './subtree';
import type { ImportOutcome, MetricsOutcome } from './tasks';

export interface BenchOptions {
  quick: boolean;
  reps100k: number;
  reps1m: number;
  repsPglite: number;
  subtreeQueries: number;
  verbose: boolean;
}

type Log = (message: string) => void;

interface SizeRun {
  figures: ImportFigures;
  metrics: { seconds: number; recursiveSqlSeconds: number };
  keptImportDb: { name: string; url: string } | null;
}

function checkPsql(): void {
  const r = spawnSync('psql', ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('psql is not on the PATH; the reference load needs it');
}

async function benchSize(
  label: string,
  input: OrgFile,
  reps: number,
  keepImport: boolean,
  script: string,
  opts: BenchOptions,
  log: Log,
): Promise<SizeRun> {
  const copies: number[] = [];
  const imports: ImportOutcome[] = [];
  let copyDb: { name: string; url: string } | null = null;
  let importDb: { name: string; url: string } | null = null;
  for (let rep = 1; rep <= reps; rep++) {
    if (copyDb) await dropBenchDatabase(copyDb.name);
    copyDb = await createBenchDatabase();
    await createPlainTable(copyDb.url, input.file);
    copies.push(await timePsqlCopy(copyDb.url, input.file));

    if (importDb) await dropBenchDatabase(importDb.name);
    importDb = await createBenchDatabase();
    const out = await runInChild<ImportOutcome>(
      script,
      { kind: 'import', file: input.file, url: importDb.url, dataDir: null },
      opts.verbose,
    );
    if (out.people !== input.rows)
      log(`  warning: ${out.people} people stored for ${input.rows} rows in the file`);
    imports.push(out);
    log(
      `  ${label} rep ${rep}/${reps}: import ${out.seconds.toFixed(2)} s (${Math.round(out.peakRssMb)} MB, ` +
        `${out.metricRows} metric rows), psql \\copy ${(copies.at(-1) ?? 0).toFixed(2)} s`,
    );
  }
  const seconds = median(imports.map((o) => o.seconds));
  const psqlCopySeconds = median(copies);
  // Each import is paired with the \copy measured just before it, so a burst of load on a shared
  // machine inflates both sides of one ratio instead of only one side of the medians.
  const ratio = median(imports.map((o, i) => o.seconds / (copies[i] ?? Number.NaN)));
  const metricsOut = await runInChild<MetricsOutcome>(
    script,
    { kind: 'metrics', file: input.file },
    opts.verbose,
  );
  if (!copyDb) throw new Error('no repetition ran');
  const sql = await timeRecursiveSql(copyDb.url);
  log(
    `  ${label} metrics: computeSnapshotResults ${metricsOut.seconds.toFixed(3)} s cold, ` +
      `${metricsOut.warmSeconds.toFixed(3)} s warm (${metricsOut.rows} result rows); ` +
      `WITH RECURSIVE ${sql.seconds.toFixed(3)} s (depth ${sql.depth})`,
  );
  await dropBenchDatabase(copyDb.name);
  if (importDb && !keepImport) {
    await dropBenchDatabase(importDb.name);
    importDb = null;
  }
  return {
    figures: {
      seconds: round(seconds),
      psqlCopySeconds: round(psqlCopySeconds),
      ratio: round(ratio, 2),
      peakRssMb: Math.round(Math.max(...imports.map((o) => o.peakRssMb))),
    },
    metrics: { seconds: round(metricsOut.seconds), recursiveSqlSeconds: round(sql.seconds) },
    keptImportDb: importDb,
  };
}

async function benchPglite(input: OrgFile, script: string, opts: BenchOptions, log: Log) {
  const runs: ImportOutcome[] = [];
  for (let rep = 1; rep <= opts.repsPglite; rep++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-bench-pglite-'));
    try {
      const out = await runInChild<ImportOutcome>(
        script,
        { kind: 'import', file: input.file, url: null, dataDir: dir },
        opts.verbose,
      );
      runs.push(out);
      log(
        `  100k PGlite rep ${rep}/${opts.repsPglite}: import ${out.seconds.toFixed(2)} s ` +
          `(+ ${out.openSeconds.toFixed(2)} s open and migrate), ${Math.round(out.peakRssMb)} MB`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return {
    seconds: round(median(runs.map((o) => o.seconds))),
    peakRssMb: Math.round(Math.max(...runs.map((o) => o.peakRssMb))),
  };
}

/** Runs the whole benchmark (or the 100k parts with quick) and returns the report. */
export async function runBenchmark(opts: BenchOptions, script: string, log: Log): Promise<BenchReport> {
  log(`PostgreSQL ${await checkServer()}, ${os.cpus().length} cores, Node ${process.version}`);
  checkPsql();
  const small = await ensureOrgFile(100_000, script, log, opts.verbose);
  const large = opts.quick ? null : await ensureOrgFile(1_000_000, script, log, opts.verbose);
  const report: BenchReport = {};

  log(`100k: ${small.rows} rows, ${(small.bytes / 1e6).toFixed(1)} MB (${small.file})`);
  const r100k = await benchSize('100k', small, opts.reps100k, true, script, opts, log);
  report.import100k = r100k.figures;
  if (large) {
    log(`1M: ${large.rows} rows, ${(large.bytes / 1e6).toFixed(1)} MB (${large.file})`);
    const r1m = await benchSize('1M', large, opts.reps1m, false, script, opts, log);
    report.import1m = r1m.figures;
    report.import100kPglite = await benchPglite(small, script, opts, log);
    report.metrics100k = r100k.metrics;
    report.metrics1m = r1m.metrics;
  } else {
    report.import100kPglite = await benchPglite(small, script, opts, log);
    report.metrics100k = r100k.metrics;
  }
  const kept = r100k.keptImportDb;
  if (kept) {
    const sub = await timeSubtreeQueries(kept.url, opts.subtreeQueries);
    log(
      `  subtree: ${opts.subtreeQueries} random managers of ${sub.managers}: p50 ${sub.p50Ms.toFixed(1)} ms, ` +
        `p95 ${sub.p95Ms.toFixed(1)} ms, max ${sub.maxMs.toFixed(1)} ms (warm-up ${sub.warmUpMs.toFixed(0)} ms)`,
    );
    report.subtree100k = { p50Ms: round(sub.p50Ms, 1), p95Ms: round(sub.p95Ms, 1) };
    await dropBenchDatabase(kept.name);
  }
  return report;
}
