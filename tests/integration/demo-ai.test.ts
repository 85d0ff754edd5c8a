/**
 * The demo company's AI data (the tools' own exports, cli/demo/ai-sources.ts) imported the way
 * `npm run demo` does it (importAiFiles, the upload path) fills the AI page out of the box: every
 * KPI, the seat panel (the Copilot listing, some seats idle), and usage rows of each imported
 * tool. Both backends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/dal/actor';
import { clearIdentityIndexCache } from '@/lib/dal/ai-data';
import { buildAiDashboard } from '@/lib/dal/dashboards/ai';
import { loadDashboardContext } from '@/lib/dal/dashboards/context';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import { importAiFiles } from '@/cli/commands/ai-import-command';
import { importFiles } from '@/cli/commands/import-command';
import { importableAiFiles } from '@/cli/demo/ai-sources';
import { writeDemoCompany } from '@/cli/demo/write';
import { isSuppressed } from '@/lib/query/suppressed';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const quiet = () => undefined;
const hr: Actor = {
  userId: 1,
  email: 'hr@x.test',
  name: 'hr',
  role: 'hr',
  scopeEmployeeId: null,
  orgId: 1,
  orgIds: [1],
};

describe.each(backends())('demo AI data on %s', (backend) => {
  let tdb: TestDb;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-demo-ai-'));
    writeDemoCompany(dir, { seed: 11, size: 300, months: 4 });
    tdb = await createTestDb(backend);
    clearIdentityIndexCache();
    clearPreparedCache();
    const names = fs.readdirSync(dir).sort();
    const org = await importFiles(
      names.filter((n) => n.startsWith('org-')).map((n) => path.join(dir, n)),
      {},
      quiet,
    );
    expect(org.result.ok).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await tdb.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports every tool export and fills every KPI and the seat panel', async () => {
    const files = importableAiFiles(fs.readdirSync(dir)).map((n) => path.join(dir, n));
    const { parsed, result } = await importAiFiles(files, quiet);
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result).not.toBeNull();
    const formats = new Set(parsed.files.map((f) => f.format));
    for (const f of [
      'copilot-users-report',
      'copilot-org-report',
      'copilot-seats',
      'copilot-billing-csv',
      'claude-code-usage',
      'github-pulls',
      'cursor-daily-usage',
      'cursor-spend',
    ])
      expect(formats, f).toContain(f);
    expect(new Set(parsed.usage.map((u) => u.tool))).toEqual(new Set(['copilot', 'cursor', 'claude-code']));
    expect(parsed.pullRequests?.length ?? 0).toBeGreaterThan(100);

    const ctx = await loadDashboardContext(hr, {});
    const d = await buildAiDashboard(ctx, new URLSearchParams());
    expect(d.hasData).toBe(true);
    if (isSuppressed(d.kpis)) throw new Error('KPIs suppressed for hr');
    for (const k of d.kpis) expect(k.value, k.key).not.toBeNull();
    const seats = d.seats;
    if (seats === null || isSuppressed(seats)) throw new Error('no seat panel');
    expect(seats.listings.map((l) => l.tool)).toEqual(['copilot']);
    expect(seats.utilisation.assigned).toBeGreaterThan(0);
    expect(seats.utilisation.idle).toBeGreaterThan(0);
    expect(seats.utilisation.active).toBeGreaterThan(seats.utilisation.idle);
    expect(seats.utilisation.monthlyCostUsd).toBeGreaterThan(0);
    expect(d.managers.length).toBeGreaterThan(0);
    // AI credits: only Copilot reports them; Cursor and Claude Code read "not reported" (null), not 0
    const p = d.payoff;
    if (p === null || isSuppressed(p)) throw new Error('no payoff for hr');
    const credits = p.byTool.map((t) => [t.tool, 'suppressed' in t ? 'hidden' : t.aiCredits === null]);
    expect(credits).toEqual([
      ['claude-code', true],
      ['copilot', false],
      ['cursor', true],
    ]);
  }, 120_000);
});
