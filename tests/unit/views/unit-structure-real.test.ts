/**
 * One rule for a unit's roots and orphans (lib/metrics/structure.ts unitRootsAndOrphans): the
 * figures computed on demand (computeUnitStructure: scenarios, units without stored rows) equal the
 * ones stored at import (computeOrgStructure, computeDepartmentStructure, computeSubtreeStructure),
 * on a published organogram with junior-staff rows under unknown posts. Before, the on-demand org
 * count took those rows as roots: a Home Office scenario with no operations read "Roots 5 -> 20,
 * Orphans 4 -> 19".
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOrgUpload } from '@/lib/ingest';
import { UK_CIVIL_SERVICE_LADDER } from '@/lib/ladders/presets/uk-civil-service';
import { prepareSnapshot } from '@/lib/metrics/snapshot';
import {
  computeDepartmentStructure,
  computeOrgStructure,
  computeSubtreeStructure,
  groupByDepartment,
} from '@/lib/metrics/structure';
import { unitOf } from '@/lib/views/unit';
import { computeUnitStructure } from '@/lib/views/unit-metrics';
import { DATA } from '../ingest/helpers';

const DIR = path.join(DATA, 'ukgov-organograms-datagovuk/home_office');
const HAS = existsSync(DIR);
if (!HAS) console.warn(`[unit-structure-real] SKIPPED: ${DIR} not found`);

describe.skipIf(!HAS)('a unit computed on demand equals the stored one (Home Office, 2012-09-30)', () => {
  it('org, every department and every manager subtree', async () => {
    const files = ['senior', 'junior'].map((k) => {
      const name = `home_office-2012-09-30-${k}.csv`;
      return { name, bytes: readFileSync(path.join(DIR, name)) };
    });
    const parsed = await parseOrgUpload(files, { skipDuplicates: true });
    const records = parsed.snapshots[0]?.records ?? [];
    const snap = prepareSnapshot('2012-09-30', records, UK_CIVIL_SERVICE_LADDER);
    const t = snap.tree;
    const opts = { declaredTracks: snap.levels.declared };
    // by hand from the files: 5 posts report to no known post ("XX" or blank), 4 of them to an
    // unknown one; junior rows under unknown posts are no roots
    const org = computeUnitStructure(snap, unitOf(t, null, null), 2);
    expect({ roots: org.roots, orphans: org.orphans }).toEqual({ roots: 5, orphans: 4 });
    expect(org).toEqual(computeOrgStructure(t, opts));
    for (const department of groupByDepartment(t).keys())
      expect(computeUnitStructure(snap, unitOf(t, null, department), 2), department).toEqual(
        computeDepartmentStructure(t, department, opts),
      );
    for (let i = 0; i < t.size; i++) {
      const id = t.records[i]?.employeeId;
      if (!id || t.aggregated[i] === 1) continue;
      expect(computeUnitStructure(snap, unitOf(t, id, null), 2), id).toEqual(
        computeSubtreeStructure(t, id, opts),
      );
    }
  });
});
