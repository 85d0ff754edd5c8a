/**
 * The net changes of a scenario: who moved (old and new manager), which positions went, which were
 * added, whose level or track changed. Net: a person moved twice shows once, from first to last.
 */
import type { OrgRecord, Track } from '@/lib/metrics/types';

export interface ScenarioChanges {
  moved: Array<{ id: string; from: string | null; to: string | null; op: number }>;
  removed: Array<{ id: string; manager: string | null; op: number }>;
  added: Array<{ id: string; manager: string | null; level: string | null; track: Track | null; op: number }>;
  levels: Array<{
    id: string;
    fromLevel: string | null;
    toLevel: string | null;
    fromTrack: Track | null;
    toTrack: Track | null;
    op: number;
  }>;
}

/** Net differences between two record lists; `touched` gives the last operation (0-based) behind each id. */
export function diffRecords(
  before: readonly OrgRecord[],
  after: readonly OrgRecord[],
  touched: ReadonlyMap<string, number> = new Map(),
): ScenarioChanges {
  const op = (id: string) => touched.get(id) ?? -1;
  const old = new Map<string, OrgRecord>();
  for (const r of before) if (!old.has(r.employeeId)) old.set(r.employeeId, r);
  const changes: ScenarioChanges = { moved: [], removed: [], added: [], levels: [] };
  const kept = new Set<string>();
  for (const r of after) {
    kept.add(r.employeeId);
    const was = old.get(r.employeeId);
    if (!was) {
      changes.added.push({
        id: r.employeeId,
        manager: r.managerId,
        level: r.level,
        track: r.track,
        op: op(r.employeeId),
      });
      continue;
    }
    if (was.managerId !== r.managerId)
      changes.moved.push({ id: r.employeeId, from: was.managerId, to: r.managerId, op: op(r.employeeId) });
    if (was.level !== r.level || was.track !== r.track)
      changes.levels.push({
        id: r.employeeId,
        fromLevel: was.level,
        toLevel: r.level,
        fromTrack: was.track,
        toTrack: r.track,
        op: op(r.employeeId),
      });
  }
  for (const [id, r] of old)
    if (!kept.has(id)) changes.removed.push({ id, manager: r.managerId, op: op(id) });
  return changes;
}
