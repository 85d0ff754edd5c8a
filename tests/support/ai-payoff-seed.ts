/**
 * The "is AI paying off?" fixture shared by tests/integration/ai-payoff.test.ts and ai-unify.test.ts:
 * usage, seats and pull requests of the org tests/fixtures/ai-delivery, inserted straight into
 * ai_usage, ai_seats and pull_requests (the figures are worked out in ai-payoff.test.ts).
 */
import path from 'node:path';
import { rawQuery } from '@/lib/dal/raw-query';

export const PAYOFF_ORG = path.resolve('tests/fixtures/ai-delivery/org-2026-03-31.csv');
export const PAYOFF_PERIOD = { from: '2026-04-01', to: '2026-04-28' };

const CYCLES: Record<string, number[]> = {
  e1: [2, 4, 6],
  e2: [8, 10],
  e3: [12],
  e4: [14, 16],
  e5: [18, 20, 22],
  m1: [24],
  e7: [26, 28],
  e6: [10, 20],
  m2: [12],
  e8: [14, 16],
  'e9-alt': [18],
  e10: [30, 40],
};
const USERS = ['m1', 'e1', 'e2', 'e3', 'e4', 'e5', 'e7'];

/** Inserts the April usage, seats, March activity and pull requests of the fixture. */
export async function seedPayoff(): Promise<void> {
  const [imp] = await rawQuery<{ id: number }>(
    `insert into ai_imports (org_id, uploaded_by) values (1, 'test') returning id`,
  );
  const id = imp?.id ?? 0;
  let rowNo = 0;
  const usage = async (v: Record<string, unknown>) => {
    const cols = ['import_id', 'row_no', 'subject_kind', ...Object.keys(v)];
    const vals = [id, rowNo++, 'person', ...Object.values(v)];
    await rawQuery(
      `insert into ai_usage (${cols.join(', ')}) values (${vals.map((_, k) => `$${k + 1}`).join(', ')})`,
      vals,
    );
  };
  for (const who of ['m1', 'e1', 'e2', 'e3', 'e4', 'e5']) {
    const byEmail = who === 'e2';
    await usage({
      tool: 'copilot',
      period_start: '2026-04-10',
      period_end: '2026-04-10',
      subject_key: byEmail ? `email:${who}@x.test` : `login:${who}`,
      github_login: byEmail ? null : who.toUpperCase(),
      email: byEmail ? `${who}@x.test` : null,
      active: true,
      lines_accepted: 100,
      lines_total: who === 'm1' || who === 'e1' ? 400 : null,
      agent_uses: 3,
      spend_usd: 20,
    });
  }
  for (const who of ['m1', 'e1', 'e2', 'e3', 'e7'])
    await usage({
      tool: 'cursor',
      period_start: '2026-04-01',
      period_end: '2026-04-20',
      subject_key: `email:${who}@x.test`,
      email: `${who}@x.test`,
      active_days: 4,
      lines_accepted: 50,
      lines_total: 200,
      spend_usd: 6,
    });
  // Weekly activity in March for the adoption week: 03-02 M1, E1; 03-09 + E2..E4 (5/12); 03-16 + E5 (6/12).
  const march: Array<[string, string[]]> = [
    ['2026-03-03', ['m1', 'e1']],
    ['2026-03-10', ['m1', 'e1', 'e2', 'e3', 'e4']],
    ['2026-03-17', ['m1', 'e1', 'e2', 'e3', 'e4', 'e5']],
  ];
  for (const [day, who] of march)
    for (const w of who)
      await usage({
        tool: 'copilot',
        period_start: day,
        period_end: day,
        subject_key: `login:${w}`,
        github_login: w,
        active: true,
      });
  for (const who of ['m1', 'e1', 'e2', 'e3', 'e4', 'e5'])
    await rawQuery(
      `insert into ai_seats (import_id, row_no, tool, github_login, monthly_cost_usd, as_of) values ($1, $2, 'copilot', $3, 19, '2026-04-30')`,
      [id, rowNo++, who],
    );
  await rawQuery(
    `insert into ai_identity_map (org_id, identity, employee_id, created_by) values (1, 'e9-alt', 'E9', 'test')`,
  );
  let n = 0;
  const pr = async (login: string, merged: string | null, hours: number, ai = false) => {
    const m = merged ? Date.parse(merged) : Date.parse('2026-04-20T12:00:00Z');
    await rawQuery(
      `insert into pull_requests (org_id, import_id, repo, number, author_login, created_at, merged_at, ai_source)
       values (1, $1, 'acme/app', $2, $3, $4, $5, $6)`,
      [
        id,
        ++n,
        login,
        new Date(m - hours * 3_600_000).toISOString(),
        merged ? new Date(m).toISOString() : null,
        ai ? 'copilot-author' : null,
      ],
    );
  };
  for (const [login, hours] of Object.entries(CYCLES))
    for (const [k, h] of hours.entries())
      await pr(
        login,
        `2026-04-${String(5 + k).padStart(2, '0')}T15:00:00Z`,
        h,
        USERS.includes(login) && k === 0,
      );
  await pr('outsider', '2026-04-12T10:00:00Z', 5);
  await pr('e1', '2026-04-29T10:00:00Z', 1);
  await pr('e1', null, 1);
  // March, for before/after (all by E1): 03-01 (outside the windows), 03-02..03-07 (10..60 h),
  // 03-16..03-24 (5..45 h), 03-30 (outside).
  await pr('e1', '2026-03-01T12:00:00Z', 99);
  for (const [k, h] of [10, 20, 30, 40, 50, 60].entries()) await pr('e1', `2026-03-0${2 + k}T12:00:00Z`, h);
  for (const [k, h] of [5, 10, 15, 20, 25, 30, 35, 40, 45].entries())
    await pr('e1', `2026-03-${16 + k}T12:00:00Z`, h);
  await pr('e1', '2026-03-30T12:00:00Z', 99);
}
