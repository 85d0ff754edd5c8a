/** Annual cost per person at import (issue #14 "Cost"): synonyms, organogram pay midpoints, bad cells. */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapHeaders, parseOrgUpload } from '@/lib/ingest';
import { DATA, ofCode, only, textFile } from './helpers';

describe('cost columns', () => {
  it('maps the cost synonyms without taking cost center or the organogram salary cost of reports', () => {
    for (const h of ['Salary', 'Annual Salary', 'annual_cost', 'Total Compensation', 'Total Comp', 'COST']) {
      expect(mapHeaders(['Employee ID', 'Manager ID', h]).columns.annual_cost).toBe(2);
    }
    const m = mapHeaders(['Employee ID', 'Manager ID', 'Cost Center', 'Salary Cost of Reports (£)']);
    expect(m.columns.cost_center).toBe(2);
    expect(m.columns.annual_cost).toBeUndefined();
    expect(m.unmatched).toEqual(['Salary Cost of Reports (£)']);
    const o = mapHeaders([
      'Post Unique Reference',
      'Reports to Senior Post',
      'Actual Pay Floor (£)',
      'Actual Pay Ceiling (£)',
    ]);
    expect(o.columns).toMatchObject({ pay_floor: 2, pay_ceiling: 3 });
    const j = mapHeaders(['Reporting Senior Post', 'Payscale Minimum (£)', 'Payscale Maximum (£)']);
    expect(j.columns).toMatchObject({ pay_floor: 1, pay_ceiling: 2 });
  });

  it('reads amounts with currency signs and commas; blanks and N/A give no cost; bad cells warn and keep the row', async () => {
    const csv = [
      'Employee ID,Manager ID,Salary',
      'A,,"£120,000"',
      'B,A,85000',
      'C,A,N/A',
      'D,A,',
      'E,A,lots',
      'F,A,-5',
      'G,A,0',
    ].join('\n');
    const s = only(await parseOrgUpload([textFile('hris.csv', csv)], { asOf: '2024-01-31' }));
    const cost = Object.fromEntries(s.records.map((r) => [r.employeeId, r.annualCost]));
    expect(cost).toEqual({ A: 120000, B: 85000, C: null, D: null, E: null, F: null, G: 0 });
    const bad = ofCode(s.issues, 'bad-cost');
    expect(bad.map((i) => [i.severity, i.row, i.column])).toEqual([
      ['warning', 6, 'annual_cost'],
      ['warning', 7, 'annual_cost'],
    ]);
    expect(bad[0]?.message).toMatch(/Line 6: the annual cost "lots" is not an amount; write a plain/);
  });

  it('without a cost column every record has a null cost', async () => {
    const s = only(
      await parseOrgUpload([textFile('a.csv', 'Employee ID,Manager ID\nA,\nB,A\n')], { asOf: '2024-01-31' }),
    );
    expect(s.records.map((r) => r.annualCost)).toEqual([null, null]);
  });

  const dfid = path.join(DATA, 'ukgov-organograms-datagovuk', 'dfid');
  it.skipIf(!existsSync(dfid))(
    'a real DFID senior + junior pair: midpoints of pay floor/ceiling and payscale min/max (per FTE)',
    async () => {
      const file = (n: string) => ({ name: n, bytes: readFileSync(path.join(dfid, n)) });
      const s = only(
        await parseOrgUpload(
          [
            file('department_for_international_development-2014-03-31-senior.csv'),
            file('department_for_international_development-2014-03-31-junior.csv'),
          ],
          {},
        ),
      );
      const b44 = s.records.find((r) => r.employeeId === 'B44');
      // "Actual Pay Floor (£)" 70000, "Actual Pay Ceiling (£)" 74999 -> (70000 + 74999) / 2
      expect(b44?.annualCost).toBe(72499.5);
      // junior row: A2, "A1 (G6)", 61381 - 70290, 2 FTE -> (61381 + 70290) / 2 per FTE
      const j = s.records.find(
        (r) => r.managerId === 'A2' && r.level === 'A1 (G6)' && r.aggregatedCount !== null,
      );
      expect(j?.annualCost).toBe(65835.5);
      expect(j?.aggregatedCount).toBe(2);
      expect(ofCode(s.issues, 'bad-cost')).toEqual([]);
    },
  );
});
