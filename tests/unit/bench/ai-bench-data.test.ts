import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  isActive,
  planBatches,
  readAiPeople,
  rowsOfDay,
  splitCsvLine,
  writeAiBatch,
  type AiBenchPerson,
} from '@/cli/bench/ai-data';
import { aiViewUrl, planAiViews } from '@/cli/bench/ai-plan';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-bench-data-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// 2026-06-01 is a Monday, 2026-06-06 and 2026-06-07 a Saturday and a Sunday.
const MONDAY = Date.UTC(2026, 5, 1) / 86_400_000;

describe('the AI benchmark generator', () => {
  it('reads quoted CSV fields', () => {
    expect(splitCsvLine('E1,"Doe, ""Jo""",a@x.test,')).toEqual(['E1', 'Doe, "Jo"', 'a@x.test', '']);
  });

  it('plans consecutive batches covering exactly the days asked for', () => {
    expect(planBatches(100, 10, 4)).toEqual([
      [91, 94],
      [95, 98],
      [99, 100],
    ]);
    expect(planBatches(100, 3, 1)).toEqual([
      [98, 98],
      [99, 99],
      [100, 100],
    ]);
  });

  it('is active on weekdays only, never on Copilot without a GitHub login', () => {
    const withLogin: AiBenchPerson = { employeeId: 'E1', email: 'a@x.test', login: 'a' };
    const without: AiBenchPerson = { employeeId: 'E2', email: 'b@x.test', login: '' };
    for (let p = 0; p < 50; p++) {
      for (const weekend of [MONDAY + 5, MONDAY + 6])
        for (let t = 0; t < 3; t++) expect(isActive(p, t, weekend, withLogin)).toBe(false);
      expect(isActive(p, 0, MONDAY, without)).toBe(false);
    }
    // about 77% of weekdays: 200 active days a year
    let on = 0;
    for (let p = 0; p < 400; p++) for (let d = 0; d < 5; d++) if (isActive(p, 1, MONDAY + d, withLogin)) on++;
    expect(on / 2000).toBeGreaterThan(0.72);
    expect(on / 2000).toBeLessThan(0.82);
  });

  it('writes one file per tool and active day, the counted rows, the PRs asked for and a flat CSV of the same rows', () => {
    const org = path.join(dir, 'org.csv');
    fs.writeFileSync(
      org,
      'employee_id,manager_id,name,email,github_login\n' +
        Array.from(
          { length: 30 },
          (_, i) => `E${i},,"P, ${i}",p${i}@x.test,${i % 3 === 0 ? '' : `p${i}`}`,
        ).join('\n') +
        '\n',
    );
    const people = readAiPeople(org);
    expect(people).toHaveLength(30);
    expect(people[1]).toEqual({ employeeId: 'E1', email: 'p1@x.test', login: 'p1' });
    const b = writeAiBatch(path.join(dir, 'out'), people, MONDAY, MONDAY + 6, 4, 1);
    let expected = 0;
    for (let d = MONDAY; d <= MONDAY + 6; d++) expected += rowsOfDay(people, d);
    expect(b.usageRows).toBe(expected);
    expect(b.pullRequests).toBe(28);
    // 5 weekdays x 3 tools, no file for the weekend, and the PR CSV
    expect(b.files).toHaveLength(16);
    expect(b.files.some((f) => f.includes('2026-06-06'))).toBe(false);
    const ndjson = b.files.filter((f) => f.endsWith('.ndjson'));
    const lines = ndjson.flatMap((f) => fs.readFileSync(f, 'utf8').trim().split('\n'));
    const cursor = b.files
      .filter((f) => f.includes('cursor'))
      .flatMap((f) => (JSON.parse(fs.readFileSync(f, 'utf8')) as { data: unknown[] }).data);
    const claude = b.files
      .filter((f) => f.includes('claude'))
      .flatMap((f) => (JSON.parse(fs.readFileSync(f, 'utf8')) as { data: unknown[] }).data);
    expect(lines.length + cursor.length + claude.length).toBe(expected);
    expect(fs.readFileSync(b.flat, 'utf8').trim().split('\n')).toHaveLength(expected + 1);
    const prs = fs
      .readFileSync(b.files.at(-1) ?? '', 'utf8')
      .trim()
      .split('\n');
    expect(prs).toHaveLength(29);
    expect(new Set(prs.slice(1).map((l) => l.split(',').slice(0, 2).join('#'))).size).toBe(28);
  });
});

describe('planAiViews', () => {
  const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
  const managers = ['E1', 'E2', 'E3', 'E4', 'E5'];

  it('plans distinct views of months, quarters and windows inside the data', () => {
    const plan = planAiViews({ managers, months, lastDay: '2026-04-30', count: 60, seed: 3 });
    expect(plan).toHaveLength(60);
    expect(new Set(plan.map(aiViewUrl)).size).toBe(60);
    let windows = 0;
    for (const v of plan) {
      expect(managers).toContain(v.manager);
      if ('month' in v.period) expect(months).toContain(v.period.month);
      else {
        windows++;
        expect(v.period.from >= '2026-01-01').toBe(true);
        expect(v.period.to <= '2026-04-30').toBe(true);
        expect(v.period.from <= v.period.to).toBe(true);
      }
    }
    expect(windows).toBeGreaterThan(10);
    expect(plan).toEqual(planAiViews({ managers, months, lastDay: '2026-04-30', count: 60, seed: 3 }));
    expect(aiViewUrl({ manager: 'E1', period: { month: '2026-02' } })).toBe(
      '/api/metrics/ai?subtree=E1&month=2026-02',
    );
  });

  it('refuses when there are too few distinct views', () => {
    expect(() =>
      planAiViews({ managers: [], months: ['2026-01'], lastDay: '2026-01-31', count: 2, seed: 1 }),
    ).toThrow();
  });
});
