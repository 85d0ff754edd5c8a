/** A leader's scenario stays inside their subtree (issue #14): the check the DAL and command line share. */
import type { OrgRecord } from '@/lib/metrics/types';
import { applyOperations, type ScenarioRefusal } from './apply';
import type { ScenarioOp } from './operations';

/**
 * Null when every operation changes only people strictly below scopeRoot and targets only people at
 * or below it (checked in order, as each operation leaves the tree); else the first refusal.
 */
export function findScopeViolation(
  records: readonly OrgRecord[],
  ops: readonly ScenarioOp[],
  scopeRoot: string,
): ScenarioRefusal | null {
  const r = applyOperations(records, ops, { scopeRoot });
  return r.ok ? null : r.refusal;
}
