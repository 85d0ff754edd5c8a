import fs from 'node:fs';
import path from 'node:path';
import type { Issue, UploadResult } from '@/lib/ingest/types';
import type { Actor } from '@/lib/dal/actor';
import { cliActor } from './org-option';
import { importOrgFiles, type CommittedSnapshot } from '@/lib/dal/snapshots';
import { isIsoDate } from '@/lib/ingest/as-of';
import { CliUsageError, log, printResult } from './common';

export interface ImportOptions {
  /** who imports, in which organisation (default: the command line in the only organisation) */
  actor?: Actor;
  asOf?: string;
  skipDuplicates?: boolean;
}

/** Parses and, when there is no error, commits files: the path shared by the CLI and the demo. */
export async function importFiles(
  paths: string[],
  opts: ImportOptions,
  progress: (message: string) => void = log,
): Promise<{ result: UploadResult; committed: CommittedSnapshot[] }> {
  const files = paths.map((p) => ({ name: path.basename(p), path: p }));
  const started = Date.now();
  let parsedReported = false;
  const reportParsed = (snapshots: number) => {
    if (parsedReported) return;
    parsedReported = true;
    progress(`parsed ${files.length} file(s) into ${snapshots} snapshot(s) in ${Date.now() - started} ms`);
  };
  const outcome = await importOrgFiles(
    opts.actor ?? (await cliActor(undefined)),
    files,
    {
      asOf: opts.asOf,
      skipDuplicates: opts.skipDuplicates,
      onProgress: (file, rows) => progress(`${file}: ${rows.toLocaleString('en')} rows read`),
    },
    {
      onProgress: (p) => {
        if (p.phase === 'storing') reportParsed(p.of);
        progress(`${p.phase} snapshot ${p.snapshot}/${p.of} (${p.asOf})`);
      },
    },
  );
  reportParsed(outcome.result.snapshots.length);
  return outcome;
}

const slim = (i: Issue) => ({
  code: i.code,
  message: i.message,
  ...(i.row !== undefined ? { row: i.row } : {}),
  ...(i.ids !== undefined ? { ids: i.ids } : {}),
  ...(i.file !== undefined ? { file: i.file } : {}),
  ...(i.column !== undefined ? { column: i.column } : {}),
});

/** Usage checks that need no database (so a usage error is exit 2 even when the database is busy). */
export function checkImportArgs(paths: string[], v: { 'as-of'?: string }): void {
  if (paths.length === 0) throw new CliUsageError('import needs at least one FILE.');
  if (v['as-of'] !== undefined && !isIsoDate(v['as-of']))
    throw new CliUsageError('--as-of takes a real date as YYYY-MM-DD.');
  for (const p of paths) if (!fs.existsSync(p)) throw new CliUsageError(`No such file: ${p}`);
}

/** `import FILE... [--as-of] [--skip-duplicates] [--json]`: exit 0 committed, 1 refused. */
export async function runImport(
  paths: string[],
  v: { 'as-of'?: string; 'skip-duplicates'?: boolean; json?: boolean; org?: string },
): Promise<number> {
  checkImportArgs(paths, v);
  const { result, committed } = await importFiles(paths, {
    actor: await cliActor(v.org, { create: true }),
    asOf: v['as-of'],
    skipDuplicates: v['skip-duplicates'],
  });
  const fileErrors = result.fileIssues.filter((i) => i.severity === 'error');
  const snapshots = result.snapshots.map((s, k) => {
    // commitUpload stores the snapshots in this order (two files may share an as-of date).
    const c = committed[k];
    return {
      asOf: s.asOf,
      headcount: c?.headcount ?? s.stats.people,
      // Orphans become extra roots (SPEC), as in `metrics`; the ingest stats count blank managers only.
      roots: c?.roots ?? s.stats.roots + s.stats.orphans,
      orphans: c?.orphans ?? s.stats.orphans,
      errors: s.issues.filter((i) => i.severity === 'error').map(slim),
      warnings: s.issues.filter((i) => i.severity === 'warning').map(slim),
      ...(c ? { snapshotId: c.id, version: c.version } : {}),
    };
  });
  const json = {
    snapshots,
    ...(fileErrors.length ? { errors: fileErrors.map(slim) } : {}),
    committed: committed.length > 0,
  };
  const human = [
    ...fileErrors.map((e) => `error: ${e.file ? `${e.file}: ` : ''}${e.message}`),
    ...snapshots.map(
      (s) =>
        `${s.asOf}: ${s.headcount} people, ${s.roots} root(s), ${s.orphans} orphan(s), ${s.errors.length} error(s), ${s.warnings.length} warning(s)` +
        ('version' in s ? ` — committed as version ${s.version}` : ''),
    ),
    ...snapshots.flatMap((s) =>
      s.errors.slice(0, 20).map((e) => `  error${e.row ? ` row ${e.row}` : ''}: ${e.message}`),
    ),
    result.ok
      ? `committed ${committed.length} snapshot(s)`
      : 'nothing was stored: fix the errors above (or use --skip-duplicates for duplicate ids)',
  ].join('\n');
  printResult(!!v.json, json, human);
  return result.ok ? 0 : 1;
}
