/**
 * Records handed over while the file is read (ParseOptions.onRecord, record-stream.ts): the
 * importer loads them with COPY during the parse and keeps them only when `streamed` is true, so
 * `streamed` must be true exactly when the handed-over records (and dates) are the snapshot's
 * records, and false whenever finalisation changes them. Also: the validator's links reused by
 * the metrics tree give the same tree as building it from scratch.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOrgUpload, type ParseOptions, type UploadFile } from '@/lib/ingest';
import type { OrgRecord } from '@/lib/metrics/types';
import { buildOrgTree } from '@/lib/metrics/tree';
import { fixture, textFile } from './helpers';

interface Handed {
  record: OrgRecord;
  hireDate: string | null;
  levelStartDate: string | null;
}

async function parseStreamed(files: UploadFile[], options: ParseOptions = { asOf: '2024-01-31' }) {
  const handed: Handed[] = [];
  const result = await parseOrgUpload(files, {
    ...options,
    onRecord: (record, hireDate, levelStartDate) => handed.push({ record, hireDate, levelStartDate }),
  });
  return { result, handed };
}

const ISO_ORG = [
  'employee_id,manager_id,name,level,hire_date,level_start_date',
  'A,,Ann,M5,2019-03-01,2022-01-15',
  'B,A,Bob,M3,2020-06-30,',
  'C,B,Cat,IC3,20210105,2021-01-05',
  'D,B,Dan,IC2,7 March 2022,2023-04-01T09:00:00Z',
  'E,Z9,Eve,IC1,not a date,',
].join('\n');

describe('records handed over while reading', () => {
  it('hands over every record of a plain file, in order, with the final ISO dates: streamed', async () => {
    const { result, handed } = await parseStreamed([textFile('org.csv', ISO_ORG)]);
    expect(result.ok).toBe(true);
    expect(result.streamed).toBe(true);
    const records = result.snapshots[0]?.records ?? [];
    expect(handed.map((h) => h.record)).toEqual(records);
    // The same objects, so the dates handed over must be the ones finalisation wrote into them.
    handed.forEach((h, i) => expect(h.record).toBe(records[i]));
    expect(handed.map((h) => [h.hireDate, h.levelStartDate])).toEqual([
      ['2019-03-01', '2022-01-15'],
      ['2020-06-30', null],
      ['2021-01-05', '2021-01-05'],
      ['2022-03-07', '2023-04-01'],
      [null, null],
    ]);
    expect(records.map((r) => [r.hireDate, r.levelStartDate])).toEqual(
      handed.map((h) => [h.hireDate, h.levelStartDate]),
    );
    // An unreadable date is still reported; an orphan is still an orphan.
    expect(result.snapshots[0]?.issues.map((i) => i.code).sort()).toEqual(['bad-date', 'manager-not-found']);
  });

  it('leaves the parse itself unchanged (same snapshots with or without a consumer)', async () => {
    for (const name of ['vacant-status.csv', 'orphan.csv', 'semicolon.csv', 'quoted-newlines.csv']) {
      const plain = await parseOrgUpload([fixture(name)], { asOf: '2024-01-31' });
      const { result } = await parseStreamed([fixture(name)]);
      expect(result.snapshots).toEqual(plain.snapshots);
      expect(result.fileIssues).toEqual(plain.fileIssues);
      expect(result.streamed).toBe(true);
    }
  });

  it.each([
    ['d/m or m/d dates, decided only by the whole column', ['us-dates.csv'], {}],
    ['a duplicate id dropped with keep-first', ['duplicates.csv'], { skipDuplicates: true }],
    ['managers given by name, resolved after reading', ['manager-by-name.csv'], {}],
    ['several as-of dates stacked in one file', ['stacked-as-of.csv'], {}],
    [
      'an organogram with its junior-staff file',
      ['organogram-2020-03-31-senior.csv', 'organogram-2020-03-31-junior.csv'],
      {},
    ],
    ['two files', ['orphan.csv', 'two-roots.csv'], {}],
  ])('is not streamed for %s', async (_why, names, extra) => {
    const { result } = await parseStreamed(names.map(fixture), { asOf: '2024-01-31', ...extra });
    expect(result.streamed).toBe(false);
  });

  it('is not streamed when a file on disk turns out to be Windows-1252 and is read again', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'strata-stream-'));
    try {
      const file = path.join(dir, 'org-2024-01-31.csv');
      const rows = ['employee_id,manager_id,name'];
      for (let i = 1; i <= 80_000; i++) rows.push(`P${i},${i === 1 ? '' : 'P1'},Person ${i}`);
      rows.push('P80001,P1,Zo\u00eb'); // the bad byte comes after records were handed over
      writeFileSync(file, Buffer.from(`${rows.join('\n')}\n`, 'latin1'));
      const { result, handed } = await parseStreamed([{ name: 'org-2024-01-31.csv', path: file }], {});
      expect(result.ok).toBe(true);
      expect(handed.length).toBeGreaterThan(0);
      expect(result.streamed).toBe(false);
      expect(result.snapshots[0]?.records.at(-1)?.name).toBe('Zo\u00eb');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a refused upload as not ok whatever was handed over', async () => {
    const { result } = await parseStreamed([fixture('cycle.csv')]);
    expect(result.ok).toBe(false);
  });
});

describe('the validator links reused by the metrics tree', () => {
  it.each(['orphan.csv', 'vacant-status.csv', 'cycle.csv', 'two-roots.csv', 'duplicates.csv'])(
    'give the same tree as building it from the records (%s)',
    async (name) => {
      const result = await parseOrgUpload([fixture(name)], { asOf: '2024-01-31', skipDuplicates: true });
      const snap = result.snapshots[0];
      expect(snap?.links).toBeDefined();
      if (!snap?.links) return;
      const fresh = buildOrgTree(snap.records);
      const linked = buildOrgTree(snap.records, snap.links);
      for (const key of ['parent', 'orphan', 'layer', 'order', 'preorder', 'kind', 'span'] as const)
        expect(Array.from(linked[key])).toEqual(Array.from(fresh[key]));
      expect(linked.cycles).toEqual(fresh.cycles);
      expect([...linked.indexById]).toEqual([...fresh.indexById]);
    },
  );

  it('are left out when someone is their own manager', async () => {
    const result = await parseOrgUpload([fixture('self-manager.csv')], { asOf: '2024-01-31' });
    expect(result.snapshots[0]?.links).toBeUndefined();
  });
});
