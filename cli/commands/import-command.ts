import fs from 'node:fs';
import path from 'node:path';
import type { Issue } from '@/lib/ingest/types';
import type { Actor } from '@/lib/dal/actor';
import { cliActor } from './org-option';
import { importOrgFiles, type ImportOutcome } from '@/lib/dal/snapshots';
import { availableActions, parseResolutionPairs, type Resolutions } from '@/lib/ingest/resolutions';
import { isIsoDate } from '@/lib/ingest/as-of';
import { CliUsageError, log, printResult } from './common';

export interface ImportOptions {
  /** who imports, in which organisation (default: the command line in the only organisation) */
  actor?: Actor;
  asOf?: string;
  skipDuplicates?: boolean;
  resolutions?: Resolutions;
  /** commit the snapshots without errors and leave the others. */
  commitValid?: boolean;
}

/** Parses and, when there is no error, commits files: the path shared by the CLI and the demo. */
export async function importFiles(
  paths: string[],
  opts: ImportOptions,
  progress: (message: string) => void = log,
): Promise<ImportOutcome> {
  const files = paths.map((p) => ({ name: path.basename(p), path: p }));
  const started = Date.now();
  let parsedReported = false;
  const reportParsed = (snapshots: number) => {
    if (parsedReported) return;
    parsedReported = true;
    progress(`parsed ${files.length} file(s) into ${snapshots} snapshot(s) in ${Date.now() - started} ms`);
  };
  const outcome = await importOrgFiles(
    opts.actor ?? (await cliActor(undefined, { create: true })),
    files,
    {
      asOf: opts.asOf,
      skipDuplicates: opts.skipDuplicates,
      resolutions: opts.resolutions,
      onProgress: (file, rows) => progress(`${file}: ${rows.toLocaleString('en')} rows read`),
    },
    {
      commitValid: opts.commitValid,
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

/** The --resolve CODE=ACTION pairs (and --skip-duplicates); an unknown code or action is a usage error. */
export function resolutionsOf(v: { resolve?: string[]; 'skip-duplicates'?: boolean }): Resolutions {
  const parsed = parseResolutionPairs(v.resolve ?? []);
  if ('error' in parsed) throw new CliUsageError(`--resolve: ${parsed.error}`);
  const chosen = parsed.resolutions;
  if (v['skip-duplicates'] === true) chosen['duplicate-id'] ??= 'keep-first';
  return chosen;
}

/** Usage checks that need no database (so a usage error is exit 2 even when the database is busy). */
export function checkImportArgs(
  paths: string[],
  v: { 'as-of'?: string; resolve?: string[]; 'skip-duplicates'?: boolean },
): void {
  if (paths.length === 0) throw new CliUsageError('import needs at least one FILE.');
  resolutionsOf(v);
  if (v['as-of'] !== undefined && !isIsoDate(v['as-of']))
    throw new CliUsageError('--as-of takes a real date as YYYY-MM-DD.');
  for (const p of paths) if (!fs.existsSync(p)) throw new CliUsageError(`No such file: ${p}`);
}

/**
 * `import FILE... [--as-of] [--resolve CODE=ACTION]... [--skip-duplicates] [--commit-valid] [--json]`:
 * exit 0 when everything was committed, 1 while any error is unresolved (with --commit-valid the
 * snapshots without errors are committed all the same).
 */
export async function runImport(
  paths: string[],
  v: {
    'as-of'?: string;
    'skip-duplicates'?: boolean;
    resolve?: string[];
    'commit-valid'?: boolean;
    json?: boolean;
    org?: string;
  },
): Promise<number> {
  checkImportArgs(paths, v);
  const { result, committed, stored } = await importFiles(paths, {
    actor: await cliActor(v.org, { create: true }),
    asOf: v['as-of'],
    resolutions: resolutionsOf(v),
    commitValid: v['commit-valid'],
  });
  const fileErrors = result.fileIssues.filter((i) => i.severity === 'error');
  const snapshots = result.snapshots.map((s, k) => {
    // committed[j] is result.snapshots[stored[j]] (two files may share an as-of date).
    const j = stored.indexOf(k);
    const c = j === -1 ? undefined : committed[j];
    return {
      asOf: s.asOf,
      ...(s.label !== undefined ? { label: s.label } : {}),
      headcount: c?.headcount ?? s.stats.people,
      // Person-level, as in `metrics`: orphans become extra roots (SPEC); the ingest stats count
      // blank managers as roots. Junior (aggregated) rows are not people: counted apart.
      roots: c?.roots ?? s.stats.roots + s.stats.orphans,
      orphans: c?.orphans ?? s.stats.orphans,
      juniorOrphans: s.stats.juniorOrphans,
      committed: c !== undefined,
      errors: s.issues.filter((i) => i.severity === 'error').map(slim),
      warnings: s.issues.filter((i) => i.severity === 'warning').map(slim),
      resolutions: availableActions(s.offers),
      chosen: s.resolutions,
      ...(c ? { snapshotId: c.id, version: c.version } : {}),
    };
  });
  const json = {
    snapshots,
    ...(fileErrors.length ? { errors: fileErrors.map(slim) } : {}),
    committed: committed.length > 0,
  };
  const refusal = (s: (typeof snapshots)[number]): string => {
    const open = Object.keys(s.resolutions).filter((code) => s.errors.some((e) => e.code === code));
    // Errors without a resolution (e.g. no-senior-posts) can only be left out.
    const fixed = s.errors.some((e) => !(e.code in s.resolutions));
    const parts = [
      ...open.map((code) => `--resolve ${code}=${(s.resolutions[code] ?? []).join('|')}`),
      ...(fixed && !('version' in s) ? ['--commit-valid to leave this snapshot out'] : []),
    ];
    return parts.length === 0 ? '' : ` — choose ${parts.join(' ')}`;
  };
  const human = [
    ...fileErrors.map((e) => `error: ${e.file ? `${e.file}: ` : ''}${e.message}`),
    ...snapshots.map(
      (s) =>
        `${s.asOf}: ${s.headcount} people, ${s.roots} root(s), ${s.orphans} orphan(s), ${s.errors.length} error(s), ${s.warnings.length} warning(s)` +
        (s.juniorOrphans > 0
          ? `, ${s.juniorOrphans} junior row(s) whose reporting post is absent (their FTE counts at the top of the organisation)`
          : '') +
        ('version' in s ? ` — committed as version ${s.version}` : ' — not committed') +
        refusal(s),
    ),
    ...snapshots.flatMap((s) => s.errors.slice(0, 20).map((e) => `  error (${e.code}): ${e.message}`)),
    result.ok
      ? `committed ${committed.length} snapshot(s)`
      : committed.length > 0
        ? `committed ${committed.length} of ${snapshots.length} snapshot(s); the others have errors (see above)`
        : 'nothing was stored: choose a resolution for each error class (--resolve CODE=ACTION), or --commit-valid for the snapshots without errors',
  ].join('\n');
  printResult(!!v.json, json, human);
  return result.ok ? 0 : 1;
}
