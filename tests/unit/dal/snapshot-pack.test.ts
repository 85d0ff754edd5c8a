import { describe, expect, it } from 'vitest';
import { packRecords, unpackRecords } from '@/lib/dal/snapshot-pack';
import type { OrgRecord } from '@/lib/metrics/types';
import { person, vacancy } from '../metrics/make-records';

describe('snapshot pack', () => {
  it('gives back every field of every record, in order, nulls kept', () => {
    const records: OrgRecord[] = [
      person('A1', null, {
        row: 2,
        name: 'Ada',
        email: 'ada@x.org',
        title: 'CEO',
        level: 'E9',
        track: 'manager',
      }),
      person('B2', 'A1', {
        row: 3,
        department: 'Eng',
        location: 'Leeds',
        costCenter: 'CC1',
        employmentType: 'FTE',
        hireDate: '2020-01-31',
        levelStartDate: '2023-02-28',
        githubLogin: 'b2',
        track: 'ic',
      }),
      vacancy('V3', 'A1', { row: 4, department: 'Eng', title: 'Tab\there' }),
      person('J4', 'A1', { row: 5, aggregatedCount: 10.5, department: 'Eng', level: 'EO' }),
      person('Z5', 'A1', { row: 6, aggregatedCount: 0, name: '' }),
    ];
    expect(unpackRecords(packRecords(records))).toEqual(records);
  });

  it('keeps a column of many distinct values as values and of few as one shared string', () => {
    const records = Array.from({ length: 5000 }, (_, i) =>
      person(`E${i}`, i === 0 ? null : 'E0', {
        row: i + 2,
        name: `Person ${i}`,
        department: i % 2 ? 'Eng' : 'Ops',
      }),
    );
    const back = unpackRecords(packRecords(records));
    expect(back).toEqual(records);
    expect(back?.[1]?.department).toBe('Eng');
    // One dictionary entry per distinct department: a 5000-row pack is far smaller than its JSON.
    expect(packRecords(records).byteLength).toBeLessThan(JSON.stringify(records).length / 2);
  });

  it('an empty snapshot round-trips; a buffer of another format is refused, not misread', async () => {
    expect(unpackRecords(packRecords([]))).toEqual([]);
    const { serialize } = await import('node:v8');
    expect(unpackRecords(serialize({ format: 99 }))).toBeNull();
    expect(unpackRecords(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});
