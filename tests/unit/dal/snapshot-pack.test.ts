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

  it('is compressed (a quarter of its plain size here); a plain pack written before compression still reads', async () => {
    const { deserialize, serialize } = await import('node:v8');
    const { brotliDecompressSync } = await import('node:zlib');
    const records = Array.from({ length: 5000 }, (_, i) =>
      person(`E${i}`, i === 0 ? null : `E${(i - 1) >> 3}`, {
        row: i + 2,
        name: `Person ${i}`,
        title: 'Engineer',
      }),
    );
    const packed = packRecords(records);
    expect([...packed.subarray(0, 4)]).toEqual([0x53, 0x50, 0x4b, 0x01]);
    const plain = serialize(deserialize(brotliDecompressSync(packed.subarray(4))));
    expect(packed.byteLength).toBeLessThan(plain.byteLength / 4);
    expect(unpackRecords(plain)).toEqual(records);
    expect(unpackRecords(packed.subarray(0, packed.length - 10))).toBeNull(); // cut short: refused
  });
});
