/**
 * The scenarios' hand-drawn tree (tests/fixtures/scenarios/small-tree-2024-06-30.csv), read by the
 * real parser, and its metrics document computed without a database:
 *
 *   A (M5, Exec) ── B (M2) ── D (IC2), E (IC2), F (IC3)
 *                ├─ C (M3) ── G (M1) ── H (IC1), I (IC2)
 *                │         └─ J (IC2)
 *                └─ K (M2, Sales) ── L (IC2)
 *
 * 12 people; managers A (span 3), B (3), C (2), G (2), K (1); ICs D E F H I J L; layers 1-4.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseOrgUpload } from '@/lib/ingest';
import { getLadderPreset } from '@/lib/ladders/presets';
import type { Ladder } from '@/lib/ladders/types';
import type { OrgRecord } from '@/lib/metrics/types';
import { prepareSnapshot } from '@/lib/metrics/snapshot';
import { summarizeTrends } from '@/lib/metrics/trends';
import { computeMetricsDocument, type MetricsDocument } from '@/lib/views/metrics-document';
import { unitOf } from '@/lib/views/unit';

export const SMALL_TREE = path.resolve(process.cwd(), 'tests/fixtures/scenarios/small-tree-2024-06-30.csv');
export const AS_OF = '2024-06-30';

/** The fixture's records as the importer produces them. */
export async function readSmallTree(): Promise<OrgRecord[]> {
  const res = await parseOrgUpload(
    [{ name: path.basename(SMALL_TREE), bytes: readFileSync(SMALL_TREE) }],
    {},
  );
  const snap = res.snapshots[0];
  if (!res.ok || !snap) throw new Error('the scenario fixture did not parse');
  return snap.records;
}

export const defaultLadder = (): Ladder => getLadderPreset('default') as Ladder;

/** The metrics document of records (org, or the subtree of `subtree`), with no trend history. */
export function documentOf(records: readonly OrgRecord[], subtree: string | null = null): MetricsDocument {
  const snap = prepareSnapshot(AS_OF, records, defaultLadder(), { execLayers: 2 });
  return computeMetricsDocument(snap, unitOf(snap.tree, subtree, null), 2, summarizeTrends([], null));
}

/** The figures the issue asks to hand-check, in one object. */
export function figures(m: MetricsDocument) {
  return {
    headcount: m.headcount,
    managers: m.managers,
    ics: m.ics,
    depth: m.depth,
    managementLayers: m.managementLayers,
    spanMean: m.span.mean,
    spanMedian: m.span.median,
    openPositions: m.openPositions,
  };
}
