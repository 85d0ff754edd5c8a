/**
 * Turns the groups read for one as-of date (a file, or a senior file plus its junior file) into a
 * ParsedSnapshot: dates resolved, eliminated rows listed, duplicates handled, manager names/emails
 * resolved to ids, structure validated, stats counted.
 */
import type { OrgRecord, RecordLinks } from '@/lib/metrics/types';
import { parseDate } from './dates';
import { IssueList } from './issues';
import { guessManagerRef, resolveManagerRefs } from './manager-refs';
import { decideOrder, type SnapshotGroup } from './snapshot-group';
import { dropDuplicates } from './validate';
import { resolveStructure } from './resolve-structure';
import { buildOffers, type Resolutions } from './resolutions';
import type { Issue, ManagerRef, OrgFormat, ParsedSnapshot } from './types';
import { clip } from './limits';

/** The groups read for one as-of date, ready to validate. */
export interface SnapshotInput {
  asOf: string;
  label?: string;
  format: OrgFormat;
  managerRef: ManagerRef | 'auto';
  groups: SnapshotGroup[];
  /** the user's choice per defect class (see resolutions.ts). */
  resolutions: Resolutions;
}

/** A missing-employee-id error, turned into a warning when the user chose to drop those rows. */
function resolvedIssue(issue: Issue, resolutions: Resolutions): Issue {
  if (issue.code !== 'missing-employee-id' || resolutions['missing-employee-id'] !== 'drop') return issue;
  return { ...issue, severity: 'warning', message: `${issue.message} Dropped (missing-employee-id=drop).` };
}

const DATE_FIELDS = [
  { key: 'hireDate', column: 'hire_date' },
  { key: 'levelStartDate', column: 'level_start_date' },
] as const;

function resolveDates(group: SnapshotGroup, issues: IssueList): void {
  for (const { key, column } of DATE_FIELDS) {
    const order = decideOrder(group.dateEvidence[key]);
    // Dates repeat (hire dates of a cohort, level starts of a review cycle): parse each text once.
    const parsed = new Map<string, string | null>();
    for (const r of group.records) {
      const raw = r[key];
      if (raw === null) continue;
      let iso = parsed.get(raw);
      if (iso === undefined) {
        iso = parseDate(raw, order);
        parsed.set(raw, iso);
      }
      if (iso === null) {
        issues.add({
          severity: 'warning',
          code: 'bad-date',
          message: `Line ${r.row}: ${column} "${clip(raw)}" is not a date this reader understands; left empty.`,
          row: r.row,
          column,
          file: group.file,
        });
      }
      r[key] = iso;
    }
  }
}

/** Validate and count one snapshot. */
export function finaliseSnapshot(input: SnapshotInput): ParsedSnapshot {
  const issues = new IssueList();
  const fileOfRecord = new Map<OrgRecord, string>();
  const all: OrgRecord[] = [];
  let rows = 0;
  let eliminated = 0;
  let duplicateJuniorRows = 0;
  let missingIds = 0;
  const chosen = input.resolutions;
  for (const g of input.groups) {
    missingIds += g.issues.count('missing-employee-id');
    for (const issue of g.issues.toArray()) issues.add(resolvedIssue(issue, chosen));
    resolveDates(g, issues);
    for (const e of g.eliminated) {
      issues.add({
        severity: 'warning',
        code: 'eliminated',
        message: `Line ${e.row}: post ${e.id ?? '(no id)'} is marked eliminated and was dropped.`,
        row: e.row,
        ids: e.id === null ? undefined : [e.id],
        file: g.file,
      });
    }
    rows += g.rows;
    eliminated += g.eliminated.length;
    duplicateJuniorRows += g.duplicateJuniorRows;
    // Only tag records when the snapshot spans several files; one file needs no lookup.
    if (input.groups.length > 1) for (const r of g.records) fileOfRecord.set(r, g.file);
    for (const r of g.records) all.push(r);
  }
  const single = input.groups[0]?.file ?? '';
  const fileOf = (r: OrgRecord): string => fileOfRecord.get(r) ?? single;

  const dup = dropDuplicates(all, chosen['duplicate-id'] ?? 'refuse', issues, fileOf);
  const managerRef = input.managerRef === 'auto' ? guessManagerRef(dup.kept) : input.managerRef;
  const ambiguous = resolveManagerRefs(dup.kept, managerRef, issues, fileOf);
  const resolved = resolveStructure(dup.kept, dup.indexOf, chosen, issues, fileOf, ambiguous);
  const { records: kept, indexOf, structure } = resolved;
  const offers = buildOffers(
    {
      duplicateRows: dup.duplicates,
      duplicateIds: dup.duplicateIds,
      missingIds,
      selfManagers: resolved.selfManagers,
      selfManagerReports: resolved.selfManagerReports,
      cycles: resolved.cycles,
      cycleMembers: resolved.cycleMembers,
      orphans: resolved.orphans,
      juniorOrphans: resolved.juniorOrphans,
    },
    { ...chosen, 'manager-not-found': chosen['manager-not-found'] ?? 'root' },
  );
  const applied: Resolutions = {};
  for (const o of offers) if (o.chosen !== undefined) Object.assign(applied, { [o.code]: o.chosen });
  if (kept.length === 0 && (all.length > 0 || missingIds > 0)) {
    issues.add({
      severity: 'error',
      code: 'no-rows-left',
      message:
        'The resolutions chosen leave no row in this snapshot; choose others (e.g. keep-first or root).',
    });
  }

  let people = 0;
  let vacant = 0;
  let aggregated = 0;
  let aggregatedFte = 0;
  for (const r of kept) {
    if (r.aggregatedCount !== null) {
      aggregated++;
      aggregatedFte += r.aggregatedCount;
    } else if (r.status === 'vacant') vacant++;
    else people++;
  }
  // Junior (aggregated) rows alone make no tree: headcount, spans and layers would all read 0 and
  // every trend would fall to nothing at this date. No resolution can give it posts, so it is an
  // error the user can only leave out (commit the other snapshots) or fix by adding the senior file.
  if (people + vacant === 0 && aggregated > 0) {
    issues.add({
      severity: 'error',
      code: 'no-senior-posts',
      message: `This snapshot has ${aggregated.toLocaleString('en-US')} junior-staff rows but no senior posts, so it has no people to build an organisation from: leave it out (commit the snapshots without errors) or add the senior-posts file for this date.`,
    });
  }
  const snapshot: ParsedSnapshot = {
    asOf: input.asOf,
    ...(input.label !== undefined ? { label: input.label } : {}),
    sourceFiles: [...new Set(input.groups.map((g) => g.file))],
    format: input.format,
    managerRef,
    duplicatePolicy: applied['duplicate-id'] ?? 'refuse',
    resolutions: applied,
    offers,
    records: kept,
    issues: issues.toArray(),
    stats: {
      rows,
      people,
      vacant,
      eliminated,
      aggregated,
      aggregatedFte: Math.round(aggregatedFte * 10_000) / 10_000,
      roots: structure.roots,
      orphans: structure.orphans,
      juniorOrphans: structure.juniorOrphans,
      duplicates: dup.duplicates,
      duplicateJuniorRows,
      selfReports: structure.selfReports,
    },
  };
  if (structure.selfReports === 0) {
    // Not enumerable: a cache for the metrics, not part of the parsed result (JSON, equality).
    const links: RecordLinks = { indexById: indexOf, parent: structure.parent };
    Object.defineProperty(snapshot, 'links', { value: links, enumerable: false });
  }
  return snapshot;
}
