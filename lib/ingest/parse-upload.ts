/**
 * The ingest entry point: files of one upload -> validated snapshots plus a bad-input report.
 * One file gives one snapshot, a stacked file (as_of column, IfG 'Back to Index') one per date,
 * and an organogram junior-staff file joins its senior file's snapshot. Nothing is written here;
 * the caller stores the result in one transaction only when `ok` is true.
 */
import { parseSnapshotLabel } from './dates';
import { resolveFileAsOf } from './as-of';
import { toFileIssue } from './errors';
import { finaliseSnapshot, type SnapshotInput } from './finalise-snapshot';
import { pairJuniorFiles } from './organogram-pairing';
import type { SnapshotGroup } from './snapshot-group';
import type { CollectedSource } from './source-collector';
import { RecordStream } from './record-stream';
import { streamOrgRecords } from './stream-org-records';
import type { Issue, ParseOptions, UploadFile, UploadResult } from './types';
import { boundIssue, clip } from './limits';
import type { Resolutions } from './resolutions';

function datedGroups(
  source: CollectedSource,
  options: ParseOptions,
  fileIssues: Issue[],
): Map<string, { labels: string[]; groups: SnapshotGroup[] }> {
  const byDate = new Map<string, { labels: string[]; groups: SnapshotGroup[] }>();
  let fallback: ReturnType<typeof resolveFileAsOf> | null = null;
  for (const g of source.groups) {
    // e.g. the blank-dated synthetic 'root' row of IfG processed files, dropped while reading
    if (g.rows === 0 && g.records.length === 0 && g.eliminated.length === 0) continue;
    let asOf: string;
    if (source.hasAsOfColumn && g.label !== '') {
      const parsed = parseSnapshotLabel(g.label);
      if (parsed === null) {
        fileIssues.push({
          severity: 'error',
          code: 'bad-as-of',
          message: `${source.name}: the as-of value "${clip(g.label)}" (${g.rows} rows) is not a date or a month like 'Sep-12'.`,
          file: source.name,
        });
        continue;
      }
      asOf = parsed;
    } else {
      fallback ??= resolveFileAsOf(source.name, options.asOf);
      if (!fallback.ok) {
        fileIssues.push({
          severity: 'error',
          code: fallback.code,
          message: `${source.name}: ${fallback.message}`,
          file: source.name,
        });
        continue;
      }
      asOf = fallback.asOf;
    }
    const entry = byDate.get(asOf) ?? { labels: [], groups: [] };
    if (g.label !== '') entry.labels.push(g.label);
    entry.groups.push(g);
    byDate.set(asOf, entry);
  }
  return byDate;
}

/** The resolutions of the options; skipDuplicates stands for duplicate-id=keep-first. */
function chosenResolutions(options: ParseOptions): Resolutions {
  const chosen: Resolutions = { ...options.resolutions };
  if (options.skipDuplicates === true) chosen['duplicate-id'] ??= 'keep-first';
  return chosen;
}

/** Parse every file of an upload into snapshots and a report; never throws for bad input. */
export async function parseOrgUpload(
  files: readonly UploadFile[],
  options: ParseOptions = {},
): Promise<UploadResult> {
  const fileIssues: Issue[] = [];
  const sources: CollectedSource[] = [];
  const stream = options.onRecord === undefined ? undefined : new RecordStream(options.onRecord);
  if (files.length !== 1) stream?.end('several-files');
  for (const file of files) {
    try {
      const streamed = await streamOrgRecords(file, { ...options, stream });
      sources.push(...streamed.sources);
      fileIssues.push(...streamed.issues);
    } catch (error) {
      fileIssues.push(toFileIssue(error, file.name));
    }
  }
  for (const s of sources) fileIssues.push(...s.issues);

  const juniors = sources.filter((s) => s.format === 'organogram-junior');
  const seniors = sources.filter((s) => s.format === 'organogram-senior');
  const attached = new Map<CollectedSource, SnapshotGroup[]>();
  for (const [junior, senior] of pairJuniorFiles(seniors, juniors)) {
    if (senior === null) {
      fileIssues.push({
        severity: 'error',
        code: 'junior-without-senior',
        message: `${junior.name}: a junior-staff organogram needs its senior-posts file in the same upload (no senior file matches it by name or by post references).`,
        file: junior.name,
      });
      continue;
    }
    attached.set(senior, [...(attached.get(senior) ?? []), ...junior.groups]);
  }

  const inputs: SnapshotInput[] = [];
  for (const source of sources) {
    if (source.format === 'organogram-junior') continue;
    const byDate = datedGroups(source, options, fileIssues);
    let first = true;
    for (const [asOf, entry] of byDate) {
      const extra = first ? (attached.get(source) ?? []) : [];
      first = false;
      inputs.push({
        asOf,
        ...(entry.labels.length > 0 ? { label: [...new Set(entry.labels)].join(' / ') } : {}),
        format: source.format,
        managerRef: source.managerRef,
        groups: [...entry.groups, ...extra],
        resolutions: chosenResolutions(options),
      });
    }
  }
  inputs.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  const snapshots = inputs.map(finaliseSnapshot);
  const seen = new Map<string, string>();
  for (const s of snapshots) {
    const other = seen.get(s.asOf);
    if (other !== undefined) {
      fileIssues.push({
        severity: 'warning',
        code: 'same-as-of',
        message: `${s.sourceFiles.join(', ')} and ${other} are both dated ${s.asOf}; the later one replaces the earlier on import.`,
      });
    }
    seen.set(s.asOf, s.sourceFiles.join(', '));
  }
  const ok =
    !fileIssues.some((i) => i.severity === 'error') &&
    snapshots.length > 0 &&
    snapshots.every((s) => !s.issues.some((i) => i.severity === 'error'));
  const bounded = fileIssues.map(boundIssue);
  return stream === undefined
    ? { snapshots, fileIssues: bounded, ok }
    : { snapshots, fileIssues: bounded, ok, streamed: stream.matches(snapshots) };
}
