/**
 * What re-uploading an as-of date would change (SPEC "Organisations": the difference is shown and
 * confirmed before a new version is stored): headcount, managers, and the people added, removed or
 * moved to another manager. People are person-level, filled rows (SPEC "Posts, people and FTE");
 * aggregated junior rows and vacant posts are not people.
 */
import type { OrgRecord } from '@/lib/metrics/types';

/** People listed per change kind; the counts are always complete. */
export const DIFF_LISTED = 50;

type DiffRecord = Pick<OrgRecord, 'employeeId' | 'managerId' | 'name' | 'status' | 'aggregatedCount'>;

/** One side's figures. */
export interface DiffSide {
  headcount: number;
  managers: number;
}

/** The difference between the stored version of a date and the new one. */
export interface SnapshotDiff {
  before: DiffSide;
  after: DiffSide;
  added: { count: number; people: Array<{ id: string; name: string | null }> };
  removed: { count: number; people: Array<{ id: string; name: string | null }> };
  /** people whose manager changed. */
  moved: {
    count: number;
    people: Array<{ id: string; name: string | null; from: string | null; to: string | null }>;
  };
}

const isPerson = (r: DiffRecord): boolean => r.aggregatedCount === null && r.status !== 'vacant';

function side(records: readonly DiffRecord[]): { people: Map<string, DiffRecord>; figures: DiffSide } {
  const people = new Map<string, DiffRecord>();
  for (const r of records) if (isPerson(r)) people.set(r.employeeId, r);
  const managers = new Set<string>();
  for (const r of people.values())
    if (r.managerId !== null && people.has(r.managerId)) managers.add(r.managerId);
  return { people, figures: { headcount: people.size, managers: managers.size } };
}

/** Difference between the stored records of a date (`before`) and the uploaded ones (`after`). */
export function diffSnapshots(before: readonly DiffRecord[], after: readonly DiffRecord[]): SnapshotDiff {
  const b = side(before);
  const a = side(after);
  const diff: SnapshotDiff = {
    before: b.figures,
    after: a.figures,
    added: { count: 0, people: [] },
    removed: { count: 0, people: [] },
    moved: { count: 0, people: [] },
  };
  for (const [id, r] of a.people) {
    const old = b.people.get(id);
    if (old === undefined) {
      diff.added.count += 1;
      if (diff.added.people.length < DIFF_LISTED) diff.added.people.push({ id, name: r.name });
    } else if (old.managerId !== r.managerId) {
      diff.moved.count += 1;
      if (diff.moved.people.length < DIFF_LISTED)
        diff.moved.people.push({ id, name: r.name, from: old.managerId, to: r.managerId });
    }
  }
  for (const [id, r] of b.people) {
    if (a.people.has(id)) continue;
    diff.removed.count += 1;
    if (diff.removed.people.length < DIFF_LISTED) diff.removed.people.push({ id, name: r.name });
  }
  return diff;
}
