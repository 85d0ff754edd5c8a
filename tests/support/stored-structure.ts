/**
 * A stored snapshot's structure read back the way the dashboards read it: the metrics contract
 * (headcount, layers from the pyramid, managers, roots, orphans), the Structure dashboard's span
 * histogram (managers per span), and the snapshot row (resolutions recorded) and its people.
 */
import { expect } from 'vitest';
import type { DbHandle } from '@/db/client';
import type { Actor } from '@/lib/dal/actor';
import { loadDashboardContext, parseDashboardQuery } from '@/lib/dal/dashboards/context';
import { buildStructure } from '@/lib/dal/dashboards/structure';
import { getMetricsContract } from '@/lib/dal/metrics-contract';
import { isSuppressed } from '@/lib/query/suppressed';
import { queryRows } from './cli';

export interface StoredStructure {
  headcount: number;
  roots: number;
  orphans: number;
  /** headcount per layer, layer 1 first (its length is the depth) */
  layers: number[];
  managers: number;
  /** span (direct reports) -> number of managers with it */
  spans: Record<number, number>;
  /** the resolutions the snapshot row records */
  recorded: Record<string, string>;
  /** employee ids of the snapshot's people rows, sorted */
  ids: string[];
}

/** Reads snapshot `snapshotId` (current for `asOf`) back as `actor` (hr or admin: never suppressed). */
export async function readStoredStructure(
  handle: DbHandle,
  actor: Actor,
  asOf: string,
  snapshotId: number,
): Promise<StoredStructure> {
  const m = await getMetricsContract(actor, { asOf });
  const dash = await buildStructure(await loadDashboardContext(actor, parseDashboardQuery({ asOf })));
  if (isSuppressed(dash.histogram)) throw new Error(`${actor.role} is suppressed: read as hr or admin`);
  const spans: Record<number, number> = {};
  for (const row of dash.histogram) if (row.managers > 0) spans[row.min] = row.managers;
  // The pyramid has one row per layer from 1 to the depth, and adds up to the headcount.
  expect(m.pyramid.map((p) => p.layer)).toEqual(Array.from({ length: m.depth }, (_, k) => k + 1));
  expect(m.pyramid.reduce((n, p) => n + p.headcount, 0)).toBe(m.headcount);
  const [snap] = await queryRows<{ resolutions: Record<string, string> }>(
    handle,
    'select resolutions from snapshots where id = $1',
    [snapshotId],
  );
  const people = await queryRows<{ employee_id: string }>(
    handle,
    'select employee_id from people where snapshot_id = $1',
    [snapshotId],
  );
  return {
    headcount: m.headcount,
    roots: m.roots,
    orphans: m.orphans,
    layers: m.pyramid.map((p) => p.headcount),
    managers: m.managers,
    spans,
    recorded: snap?.resolutions ?? {},
    ids: people.map((p) => p.employee_id).sort(),
  };
}
