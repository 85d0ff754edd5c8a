/**
 * #15: Copilot billing imported twice, as the monthly billing JSON and as the daily billing usage
 * CSV. Rule: for a person (and an organisation row) and a calendar month, the daily CSV rows win and
 * the monthly row is set aside, in whichever order the files come; months the CSV does not cover
 * still count from the JSON. Figures by hand:
 * - June JSON: mona $2.00 and 500 AI credits; hubot $1.50 and 100 credits; organisation acme $10.00.
 * - July JSON: mona $3.00 and 300 credits.
 * - June CSV: mona 06-10 300 credits $1.20 and 06-20 200 credits $0.80 (= $2.00, 500); organisation
 *   acme 06-15 $10.00.
 * Expected in June: mona $2.00 / 500 credits (not $4.00 / 1,000), hubot $1.50 / 100 (JSON only),
 * organisation $10.00 (not $20.00); July: mona $3.00 / 300. Set aside: mona's and acme's June rows = 2.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAiFiles } from '@/cli/commands/ai-import-command';
import { loadToolUse } from '@/lib/dal/ai-delivery-data';
import { rawQuery } from '@/lib/dal/raw-query';
import { backends, createTestDb, TEST_ORG_ID, type TestDb } from '../support/test-db';

const quiet = () => undefined;

const credit = (user: string | null, grossQuantity: number, netAmount: number) => ({
  product: 'Copilot',
  sku: 'copilot_ai_credit',
  unitType: 'ai-credits',
  grossQuantity,
  netAmount,
  ...(user === null ? {} : { user }),
});

const JUNE_JSON = JSON.stringify({
  timePeriod: { year: 2026, month: 6 },
  organization: 'acme',
  usageItems: [credit('mona', 500, 2), credit('hubot', 100, 1.5), credit(null, 1000, 10)],
});
const JULY_JSON = JSON.stringify({
  timePeriod: { year: 2026, month: 7 },
  organization: 'acme',
  usageItems: [credit('mona', 300, 3)],
});
const JUNE_CSV = [
  'date,product,sku,model,quantity,unit_type,applied_cost_per_quantity,gross_amount,discount_amount,net_amount,username,organization,repository,cost_center_name',
  '2026-06-10,copilot,copilot_ai_credit,GPT-5,300,ai-credits,0.01,3.00,1.80,1.20,Mona,acme,,',
  '2026-06-20,copilot,copilot_ai_credit,GPT-5,200,ai-credits,0.01,2.00,1.20,0.80,mona,acme,,',
  '2026-06-15,copilot,copilot_ai_credit,GPT-5,1000,ai-credits,0.01,10.00,0,10.00,,acme,,',
].join('\n');

describe.each(backends())('Copilot monthly billing JSON and daily billing CSV on %s', (backend) => {
  let tdb: TestDb;
  let dir: string;
  const file = (name: string) => path.join(dir, name);

  /** Spend and AI credits of one login in [from, to], as the AI views sum them. */
  const billed = async (login: string, from: string, to: string) => {
    const row = (await loadToolUse(TEST_ORG_ID, from, to)).find(
      (r) => r.tool === 'copilot' && r.githubLogin === login,
    );
    return { spend: row?.usageSpendUsd ?? 0, credits: row?.aiCredits ?? 0 };
  };
  const orgSpend = async () => {
    const rows = await rawQuery<{ s: number | null }>(
      `select sum(spend_usd) as s from ai_usage where subject_kind = 'org' and period_end between '2026-06-01' and '2026-06-30'`,
    );
    return Number(rows[0]?.s ?? 0);
  };
  const clear = async () => {
    await rawQuery('delete from ai_imports');
  };

  const expectCountedOnce = async () => {
    expect(await billed('mona', '2026-06-01', '2026-06-30')).toEqual({ spend: 2, credits: 500 });
    expect(await billed('hubot', '2026-06-01', '2026-06-30')).toEqual({ spend: 1.5, credits: 100 });
    expect(await billed('mona', '2026-07-01', '2026-07-31')).toEqual({ spend: 3, credits: 300 });
    expect(await billed('mona', '2026-06-01', '2026-07-31')).toEqual({ spend: 5, credits: 800 });
    expect(await orgSpend()).toBe(10);
  };

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-ai-billing-'));
    fs.writeFileSync(file('billing-2026-06.json'), JUNE_JSON);
    fs.writeFileSync(file('billing-2026-07.json'), JULY_JSON);
    fs.writeFileSync(file('billing-usage.csv'), JUNE_CSV);
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await tdb.drop();
  });

  it('monthly JSON first, then the daily CSV: June counts once, from the CSV', async () => {
    const first = await importAiFiles([file('billing-2026-06.json'), file('billing-2026-07.json')], quiet);
    expect(first.result?.billingSuperseded).toBe(0);
    // before the CSV: the JSON alone
    expect(await billed('mona', '2026-06-01', '2026-06-30')).toEqual({ spend: 2, credits: 500 });
    const second = await importAiFiles([file('billing-usage.csv')], quiet);
    expect(second.result?.billingSuperseded).toBe(2);
    await expectCountedOnce();
  });

  it('daily CSV first, then the monthly JSON: the same totals', async () => {
    await clear();
    const first = await importAiFiles([file('billing-usage.csv')], quiet);
    expect(first.result?.billingSuperseded).toBe(0);
    const second = await importAiFiles([file('billing-2026-06.json'), file('billing-2026-07.json')], quiet);
    expect(second.result?.billingSuperseded).toBe(2);
    await expectCountedOnce();
  });

  it('both in one upload, and uploading the JSON again, still count once', async () => {
    await clear();
    const both = await importAiFiles(
      [file('billing-2026-06.json'), file('billing-usage.csv'), file('billing-2026-07.json')],
      quiet,
    );
    expect(both.result?.billingSuperseded).toBe(2);
    await expectCountedOnce();
    const again = await importAiFiles([file('billing-2026-06.json')], quiet);
    expect(again.result?.billingSuperseded).toBe(2);
    await expectCountedOnce();
  });
});
