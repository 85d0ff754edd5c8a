/**
 * The child side of the AI benchmark's import (issue #15): batch by batch, the tools' daily files
 * and the PR CSV are written (not timed), imported through importAiFiles, the code `strata
 * ai-import` runs (timed), and the same rows as one flat CSV loaded with `psql \copy` into a plain
 * table shaped and indexed like ai_usage in another database (timed: the same-run reference).
 * Each batch's files are deleted once loaded. Runs alone in its process, so its peak RSS is the
 * import's own.
 */
import fs from 'node:fs';
import postgres from 'postgres';
import { setDatabase } from '@/db';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { importAiFiles } from '@/cli/commands/ai-import-command';
import { FLAT_COLUMNS, planBatches, readAiPeople, writeAiBatch } from './ai-data';
import { startRssSampler } from './memory';
import { timePsqlCopy } from './psql-copy';
import { secondsSince } from './stats';

/** The flat reference table (ai_usage's columns and indexes, no foreign key). */
export const AI_PLAIN_TABLE = 'bench_ai_usage';

export interface AiLoadTask {
  kind: 'ai-load';
  url: string;
  refUrl: string;
  dir: string;
  orgFile: string;
  lastDay: number;
  days: number;
  daysPerBatch: number;
  prsPerDay: number;
}

export interface AiLoadOutcome {
  /** importAiFiles over every batch (parse, identity summary, COPY, replacement checks, commit) */
  seconds: number;
  /** of `seconds`: reading and parsing the files (the rest is the commit) */
  parseSeconds: number;
  /** psql \copy of the same rows as flat CSV, batch by batch */
  psqlCopySeconds: number;
  /** writing the files (not part of either figure) */
  generateSeconds: number;
  usageRows: number;
  pullRequests: number;
  files: number;
  batches: number;
  bytes: number;
  peakRssMb: number;
  /** the slowest batch's import seconds and rows */
  slowestBatch: { seconds: number; rows: number };
}

async function createPlainAiTable(url: string): Promise<void> {
  const types: Record<string, string> = {
    import_id: 'integer not null',
    row_no: 'integer not null',
    period_start: 'date not null',
    period_end: 'date not null',
    active: 'boolean',
    extra: 'jsonb',
  };
  const numeric = new Set([
    'suggestions',
    'acceptances',
    'lines_suggested',
    'lines_accepted',
    'agent_uses',
    'lines_total',
    'ai_credits',
    'commits_by_ai',
  ]);
  const defs = FLAT_COLUMNS.map((c) => `${c} ${types[c] ?? (numeric.has(c) ? 'double precision' : 'text')}`);
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await sql.unsafe(`create table ${AI_PLAIN_TABLE} (${defs.join(', ')})`);
    await sql.unsafe(`create index on ${AI_PLAIN_TABLE} (period_end)`);
    await sql.unsafe(`create index on ${AI_PLAIN_TABLE} (tool, subject_key, period_start, period_end)`);
    await sql.unsafe(`create index on ${AI_PLAIN_TABLE} (import_id)`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function runAiLoad(task: AiLoadTask): Promise<AiLoadOutcome> {
  const handle = await openDatabase({ url: task.url });
  try {
    await migrateDatabase(handle);
    setDatabase(handle);
    await createPlainAiTable(task.refUrl);
    const people = readAiPeople(task.orgFile);
    const batches = planBatches(task.lastDay, task.days, task.daysPerBatch);
    const out: AiLoadOutcome = {
      seconds: 0,
      parseSeconds: 0,
      psqlCopySeconds: 0,
      generateSeconds: 0,
      usageRows: 0,
      pullRequests: 0,
      files: 0,
      batches: batches.length,
      bytes: 0,
      peakRssMb: 0,
      slowestBatch: { seconds: 0, rows: 0 },
    };
    const sampler = startRssSampler();
    for (const [k, [from, to]] of batches.entries()) {
      let t = performance.now();
      const b = writeAiBatch(task.dir, people, from, to, task.prsPerDay, out.pullRequests + 1);
      out.generateSeconds += secondsSince(t);
      for (const f of b.files) out.bytes += fs.statSync(f).size;
      t = performance.now();
      // importAiFiles reports "parsed N file(s) in X ms": the rest is the commit (identities, COPY, checks)
      let parseMs = 0;
      const { parsed, result } = await importAiFiles(b.files, (m) => {
        const hit = /^parsed \d+ file\(s\) in (\d+) ms$/.exec(m);
        if (hit) parseMs = Number(hit[1]);
      });
      const seconds = secondsSince(t);
      if (!parsed.ok || !result) {
        const first = parsed.issues.find((i) => i.severity === 'error');
        throw new Error(
          `ai-import refused batch ${k + 1}: ${first?.file ?? ''} ${first?.message ?? 'nothing stored'}`,
        );
      }
      if (result.records !== b.usageRows || result.pullRequests !== b.pullRequests)
        throw new Error(
          `batch ${k + 1}: ${result.records} usage rows / ${result.pullRequests} PRs stored for ${b.usageRows} / ${b.pullRequests} written`,
        );
      out.seconds += seconds;
      out.parseSeconds += parseMs / 1000;
      if (seconds > out.slowestBatch.seconds) out.slowestBatch = { seconds, rows: b.usageRows };
      const copy = await timePsqlCopy(task.refUrl, b.flat, AI_PLAIN_TABLE);
      out.psqlCopySeconds += copy;
      out.usageRows += b.usageRows;
      out.pullRequests += b.pullRequests;
      out.files += b.files.length;
      for (const f of [...b.files, b.flat]) fs.rmSync(f, { force: true });
      const rss = Math.round(process.memoryUsage().rss / 1048576);
      process.stderr.write(
        `batch ${k + 1}/${batches.length}: ${b.usageRows} usage rows + ${b.pullRequests} PRs, import ${seconds.toFixed(2)} s ` +
          `(parse ${(parseMs / 1000).toFixed(2)} s), ` +
          `psql \\copy ${copy.toFixed(2)} s [rss ${rss} MB]\n`,
      );
    }
    out.peakRssMb = sampler.stop();
    return out;
  } finally {
    await handle.close();
    fs.rmSync(task.dir, { recursive: true, force: true });
  }
}
