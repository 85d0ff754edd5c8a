/**
 * Manager given by name or email instead of id (draw.io's example, many HRIS exports): resolve
 * each reference to the employee id of the one person with that name/email. A name shared by
 * several people is an error listing the row and the candidates (the tree cannot be known);
 * a name nobody has is left as is and reported as an orphan by validation.
 * When the header does not say which kind it is, the kind matched by most values wins (ids on a tie).
 */
import type { OrgRecord } from '@/lib/metrics/types';
import { nameKey } from './cell-values';
import type { IssueList } from './issues';
import type { ManagerRef } from './types';
import { clip } from './limits';

function index(records: readonly OrgRecord[], key: (r: OrgRecord) => string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const r of records) {
    const k = key(r);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(r.employeeId);
    else map.set(k, [r.employeeId]);
  }
  return map;
}

const byName = (r: OrgRecord): string | null => (r.name === null ? null : nameKey(r.name));
const byEmail = (r: OrgRecord): string | null => (r.email === null ? null : r.email.trim().toLowerCase());

/** Decide what the manager cells refer to, from the values themselves. */
export function guessManagerRef(records: readonly OrgRecord[]): ManagerRef {
  const ids = new Set(records.map((r) => r.employeeId));
  const names = index(records, byName);
  const emails = index(records, byEmail);
  let id = 0;
  let name = 0;
  let email = 0;
  for (const r of records) {
    if (r.managerId === null) continue;
    if (ids.has(r.managerId)) id++;
    if (names.has(nameKey(r.managerId))) name++;
    if (emails.has(r.managerId.trim().toLowerCase())) email++;
  }
  if (name > id && name >= email) return 'name';
  if (email > id && email > name) return 'email';
  return 'id';
}

/**
 * Rewrite managerId from names/emails to ids in place. Returns the records whose reference was
 * ambiguous (already reported), so validation does not report them again as orphans.
 */
export function resolveManagerRefs(
  records: OrgRecord[],
  kind: ManagerRef,
  issues: IssueList,
  fileOf: (r: OrgRecord) => string,
): Set<OrgRecord> {
  const ambiguous = new Set<OrgRecord>();
  if (kind === 'id') return ambiguous;
  const ids = new Set(records.map((r) => r.employeeId));
  const lookup = index(records, kind === 'name' ? byName : byEmail);
  for (const r of records) {
    const ref = r.managerId;
    if (ref === null) continue;
    const hits = lookup.get(kind === 'name' ? nameKey(ref) : ref.trim().toLowerCase());
    if (hits === undefined) continue; // an id written directly, or nobody: validation decides
    if (hits.length === 1) {
      r.managerId = hits[0] ?? ref;
      continue;
    }
    if (ids.has(ref)) continue;
    ambiguous.add(r);
    issues.add({
      severity: 'error',
      code: 'ambiguous-manager',
      message: `Line ${r.row}: manager "${clip(ref)}" of ${clip(r.employeeId)} matches ${hits.length} people (${hits
        .slice(0, 10)
        .map((h) => clip(h, 40))
        .join(', ')}); use a manager id column.`,
      row: r.row,
      ids: [r.employeeId, ...hits],
      file: fileOf(r),
    });
  }
  return ambiguous;
}
