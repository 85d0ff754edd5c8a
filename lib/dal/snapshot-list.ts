import 'server-only';
import { can } from '@/lib/auth/permissions';
import { eq, sql } from 'drizzle-orm';
import { getDatabase, schema } from '@/db';
import type { Actor } from './actor';

/** A snapshot as the snapshot list and pickers show it. */
export interface SnapshotDto {
  id: number;
  asOf: string;
  version: number;
  isCurrent: boolean;
  label: string | null;
  format: string;
  sourceFiles: string[];
  uploadedBy: string;
  uploadedAt: string;
  /** Org-wide headcount; null for scoped users (a number from outside their subtree). */
  headcount: number | null;
  records: number | null;
  warningCount: number;
  skipDuplicates: boolean;
  /** marked "not comparable" (a change of scope): change-since-peak skips it */
  notComparable: boolean;
  versions: number;
}

/** Number of snapshot versions stored, in one organisation or in all (demo and first-run checks). */
export async function countSnapshots(orgId?: number): Promise<number> {
  const { db } = await getDatabase();
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(schema.snapshots)
    .where(orgId === undefined ? undefined : eq(schema.snapshots.orgId, orgId));
  return r?.n ?? 0;
}

/**
 * Every snapshot version, newest date first. Uploader details are for hr/admin; other roles see
 * dates and headcounts only (they pick snapshots, they do not manage them).
 */
export async function listSnapshots(
  actor: Actor,
  opts: { currentOnly?: boolean } = {},
): Promise<SnapshotDto[]> {
  const { db } = await getDatabase();
  const t = schema.snapshots;
  const rows = await db
    .select({
      s: t,
      versions: sql<number>`(count(*) over (partition by ${t.asOf}))::int`,
    })
    .from(t)
    .where(eq(t.orgId, actor.orgId))
    .orderBy(sql`${t.asOf} desc, ${t.version} desc`);
  const manage = can.seeUploadDetails(actor);
  return rows
    .filter((r) => !opts.currentOnly || r.s.isCurrent)
    .map(({ s, versions }) => ({
      id: s.id,
      asOf: s.asOf,
      version: s.version,
      isCurrent: s.isCurrent,
      label: s.label,
      format: s.format,
      sourceFiles: manage ? s.sourceFiles : [],
      uploadedBy: manage ? s.uploadedBy : '',
      uploadedAt: s.uploadedAt.toISOString(),
      headcount: actor.scopeEmployeeId ? null : s.headcount,
      records: actor.scopeEmployeeId ? null : s.records,
      warningCount: manage ? s.warningCount : 0,
      skipDuplicates: s.skipDuplicates,
      notComparable: s.notComparable,
      versions,
    }));
}
