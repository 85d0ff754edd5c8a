/**
 * A random tree for the scenario property tests: vacant posts (some with reports), unlevelled
 * people, declared tracks, aggregated rows and an orphan; with `startDates`, some level start dates.
 */
import type { OrgRecord } from '@/lib/metrics/types';
import { random } from '@/cli/bench/scenario-ops';
import { person } from '../metrics/make-records';

const LEVELS = ['IC1', 'IC2', 'IC3', 'IC4', 'M1', 'M2', 'M3', null];

export function randomTree(size: number, seed: number, startDates = false): OrgRecord[] {
  const rnd = random(seed);
  const out: OrgRecord[] = [];
  for (let i = 0; i < size; i++) {
    const id = `P${i}`;
    const manager = i === 0 ? null : i === size - 1 ? 'NOBODY' : `P${Math.floor(rnd() * i)}`;
    const aggregated = i > 10 && rnd() < 0.03;
    out.push(
      person(id, manager, {
        row: i + 2,
        name: `Person ${i}`,
        level: LEVELS[Math.floor(rnd() * LEVELS.length)] ?? null,
        track: rnd() < 0.1 ? (rnd() < 0.5 ? 'ic' : 'manager') : null,
        department: ['Eng', 'Sales', 'Ops'][Math.floor(rnd() * 3)] ?? null,
        status: !aggregated && rnd() < 0.08 ? 'vacant' : 'filled',
        aggregatedCount: aggregated ? 3 : null,
        levelStartDate:
          startDates && rnd() < 0.3
            ? `20${10 + Math.floor(rnd() * 14)}-0${1 + Math.floor(rnd() * 9)}-15`
            : null,
      }),
    );
  }
  return out;
}
