import { eq } from 'drizzle-orm';
import { getDatabase, schema } from '@/db';
import type { UploadResult } from '@/lib/ingest/types';
import type { OrgRecord } from '@/lib/metrics/types';
import type { Actor } from './actor';
import { findOrganisationByName } from './organisations';
import { loadPrepared, resolveSnapshot } from './snapshot-data';
import { NotFoundError } from './errors';

/**
 * What committing an upload would change for a date the organisation already holds (SPEC
 * "Organisations": re-uploading a date shows the difference and asks before it stores a new
 * version; the old one is kept). Only ever compared within the upload's own organisation.
 */
export interface ReuploadDiff {
  asOf: string;
  /** the version now current, which the commit would keep as history */
  currentVersion: number;
  headcount: { before: number; after: number };
  managers: { before: number; after: number };
  /** people (by employee id) only in the new file, only in the stored one, and in both but moved or retitled */
  joined: number;
  left: number;
  changed: number;
  /** up to 10 ids of each, for the screen */
  examples: { joined: string[]; left: string[]; changed: string[] };
}

const isPerson = (r: OrgRecord) => r.status !== 'vacant';

/** Headcount as the metrics count it: a person 1, an aggregated row its FTE, vacant posts 0. */
function headcountOf(records: readonly OrgRecord[]): number {
  let n = 0;
  for (const r of records) if (isPerson(r)) n += r.aggregatedCount ?? 1;
  return Math.round(n * 100) / 100;
}

/** Positions that at least one other record reports to. */
function managersOf(records: readonly OrgRecord[]): number {
  const ids = new Set(records.map((r) => r.employeeId));
  const managers = new Set<string>();
  for (const r of records) if (r.managerId && ids.has(r.managerId)) managers.add(r.managerId);
  return managers.size;
}

const FIELDS = ['managerId', 'title', 'level', 'department', 'status'] as const;

/** Compares the stored and the new records of one date. */
export function diffRecords(
  asOf: string,
  currentVersion: number,
  before: readonly OrgRecord[],
  after: readonly OrgRecord[],
): ReuploadDiff {
  const old = new Map(before.map((r) => [r.employeeId, r]));
  const now = new Map(after.map((r) => [r.employeeId, r]));
  const joined = [...now.keys()].filter((id) => !old.has(id));
  const left = [...old.keys()].filter((id) => !now.has(id));
  const changed = [...now.entries()]
    .filter(([id, r]) => {
      const o = old.get(id);
      return o !== undefined && FIELDS.some((f) => (o[f] ?? null) !== (r[f] ?? null));
    })
    .map(([id]) => id);
  return {
    asOf,
    currentVersion,
    headcount: { before: headcountOf(before), after: headcountOf(after) },
    managers: { before: managersOf(before), after: managersOf(after) },
    joined: joined.length,
    left: left.length,
    changed: changed.length,
    examples: { joined: joined.slice(0, 10), left: left.slice(0, 10), changed: changed.slice(0, 10) },
  };
}

/**
 * For each date of a validated upload that its organisation (`orgName`, else the actor's current
 * one) already holds: the difference committing would make. A new organisation holds nothing.
 */
export async function describeReuploads(
  actor: Actor,
  orgName: string | undefined,
  result: UploadResult,
): Promise<ReuploadDiff[]> {
  const named = orgName?.trim() ? await findOrganisationByName(orgName) : null;
  if (orgName?.trim() && !named) return [];
  const orgId = named?.id ?? actor.orgId;
  if (orgId <= 0 || !actor.orgIds.includes(orgId)) return [];
  const out: ReuploadDiff[] = [];
  for (const snap of result.snapshots) {
    let ref: Awaited<ReturnType<typeof resolveSnapshot>>;
    try {
      ref = await resolveSnapshot(orgId, snap.asOf);
    } catch (err) {
      if (err instanceof NotFoundError) continue; // a new date: nothing to compare
      throw err;
    }
    const stored = await loadPrepared(ref);
    out.push(diffRecords(snap.asOf, await versionOf(ref.id), stored.tree.records, snap.records));
  }
  return out;
}

async function versionOf(snapshotId: number): Promise<number> {
  const { db } = await getDatabase();
  const [row] = await db
    .select({ version: schema.snapshots.version })
    .from(schema.snapshots)
    .where(eq(schema.snapshots.id, snapshotId));
  return row?.version ?? 1;
}
