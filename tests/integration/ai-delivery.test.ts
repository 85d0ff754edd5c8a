/**
 * Delivery data end to end on both backends: pull requests from GitHub JSON (list, single PR,
 * NDJSON, commits listing) and the PR CSV, imported twice (the second import replaces, never adds),
 * and an identity file stored as mappings. Expected figures are read off tests/fixtures/ai/delivery
 * by hand (see tests/unit/ai-ingest/delivery.test.ts for each PR).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearIdentityIndexCache } from '@/lib/dal/ai-data';
import { saveIdentityMapping } from '@/lib/dal/ai-identity-map';
import { createAiUpload } from '@/lib/dal/ai-uploads';
import { countPullRequests } from '@/lib/dal/pull-requests';
import { rawQuery } from '@/lib/dal/raw-query';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import type { Actor } from '@/lib/dal/actor';
import { importAiFiles } from '@/cli/commands/ai-import-command';
import { importFiles } from '@/cli/commands/import-command';
import { readFileSync } from 'node:fs';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const ORG = path.resolve('tests/fixtures/ai-app/org-2026-02-28.csv');
const D = path.resolve('tests/fixtures/ai/delivery');
const f = (name: string) => path.join(D, name);
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

async function pr(repo: string, number: number) {
  const rows = await rawQuery<{
    import_id: number;
    additions: number | null;
    ai_source: string | null;
    co_authors: string[];
    merged_at: string | Date | null;
  }>(
    'select import_id, additions, ai_source, co_authors, merged_at from pull_requests where org_id = 1 and repo = $1 and number = $2',
    [repo, number],
  );
  return rows[0];
}

describe.each(backends())('delivery data on %s', (backend) => {
  let tdb: TestDb;

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    clearIdentityIndexCache();
    clearPreparedCache();
    const org = await importFiles([ORG], {}, quiet);
    expect(org.result.ok).toBe(true);
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('stores the pull requests of a JSON upload: 9 PRs, 6 merged, 7 AI-assisted', async () => {
    const { parsed, result } = await importAiFiles(
      [
        f('pulls-acme-web.json'),
        f('pull-acme-web-101.json'),
        f('commits-acme-web.json'),
        f('pulls-acme-api.ndjson'),
      ],
      quiet,
    );
    expect(parsed.ok).toBe(true);
    expect(result).toMatchObject({ records: 0, seats: 0, pullRequests: 9, pullRequestsReplaced: 0 });
    expect(await countPullRequests(1)).toEqual({ total: 9, merged: 6, aiAssisted: 7 });
    expect(await pr('acme/web', 101)).toMatchObject({
      additions: 120,
      ai_source: 'tool-reported:claude-code',
    });
    expect(await pr('acme/web', 103)).toMatchObject({
      co_authors: ['cursoragent@cursor.com'],
      ai_source: 'co-author:cursor',
    });
    expect(new Date((await pr('acme/api', 1))?.merged_at ?? 0).toISOString()).toBe(
      '2026-03-04T08:00:00.000Z',
    );
  });

  it('a second import of the list replaces its 7 PRs (no duplicates) and keeps what the list does not know', async () => {
    const { result } = await importAiFiles([f('pulls-acme-web.json')], quiet);
    expect(result).toMatchObject({ pullRequests: 7, pullRequestsReplaced: 7 });
    expect(await countPullRequests(1)).toEqual({ total: 9, merged: 6, aiAssisted: 7 });
    const p101 = await pr('acme/web', 101);
    expect(p101?.import_id).toBe(result?.importId);
    // the list omits additions; the commits listing is not in this upload: both kept from the first import
    expect(p101?.additions).toBe(120);
    expect(await pr('acme/web', 103)).toMatchObject({ ai_source: 'co-author:cursor' });
  });

  it('adds the PR CSV (5 PRs, 3 merged, 2 AI-assisted) and replaces it on re-import', async () => {
    const first = await importAiFiles([f('pull-requests.csv')], quiet);
    expect(first.result).toMatchObject({ pullRequests: 5, pullRequestsReplaced: 0 });
    expect(await countPullRequests(1)).toEqual({ total: 14, merged: 9, aiAssisted: 9 });
    const again = await importAiFiles([f('pull-requests.csv')], quiet);
    expect(again.result).toMatchObject({ pullRequests: 5, pullRequestsReplaced: 5 });
    expect(await countPullRequests(1)).toEqual({ total: 14, merged: 9, aiAssisted: 9 });
    const dup = await rawQuery<{ n: number }>(
      'select count(*)::int as n from (select repo, number from pull_requests group by 1, 2 having count(*) > 1) d',
    );
    expect(dup[0]?.n).toBe(0);
  });

  it('shows PR counts and warns about unknown employees in the upload report', async () => {
    const view = await createAiUpload(hr, [
      { name: 'pull-requests.csv', bytes: new Uint8Array(readFileSync(f('pull-requests.csv'))) },
      { name: 'identities.csv', bytes: new Uint8Array(readFileSync(f('identities.csv'))) },
    ]);
    expect(view.ok).toBe(true);
    expect(view.files.map((x) => [x.name, x.pullRequests, x.identities])).toEqual([
      ['pull-requests.csv', 5, 0],
      ['identities.csv', 0, 3],
    ]);
    expect(view).toMatchObject({
      pullRequests: 5,
      mergedPullRequests: 3,
      aiAssistedPullRequests: 2,
      identityLines: 3,
    });
    // E99 (line 5) is not in the 2026-02-28 snapshot
    const unknown = view.issues.filter((i) => i.code === 'unknown-employee');
    expect(unknown.map((i) => i.row)).toEqual([4]);
    expect(unknown[0]?.message).toContain('line 5');
  });

  it('stores an identity file as mappings that a later hand mapping replaces', async () => {
    const { parsed, result } = await importAiFiles([f('identities.csv')], quiet);
    expect(parsed.ok).toBe(true);
    // E2: 4 identities, E3: 3, E99: 1 (stored, warned)
    expect(result?.identityMappings).toBe(8);
    expect(parsed.issues.filter((i) => i.code === 'unknown-employee').map((i) => i.row)).toEqual([4]);
    const rows = await rawQuery<{ identity: string; employee_id: string; created_by: string }>(
      'select identity, employee_id, created_by from ai_identity_map where org_id = 1 order by identity',
    );
    expect(rows.map((r) => [r.identity, r.employee_id])).toEqual([
      ['ben-gh', 'E2'],
      ['ben.personal@gmail.com', 'E2'],
      ['ben@acme.test', 'E2'],
      ['cat-gh', 'E3'],
      ['cat-old', 'E3'],
      ['cat@claude-users.test', 'E3'],
      ['nobody@acme.test', 'E99'],
      ['wsk_ben_123', 'E2'],
    ]);
    expect(new Set(rows.map((r) => r.created_by))).toEqual(new Set(['cli']));
    await saveIdentityMapping(hr, { identity: 'cat-old', employeeId: 'E4' });
    const after = await rawQuery<{ employee_id: string }>(
      "select employee_id from ai_identity_map where org_id = 1 and identity = 'cat-old'",
    );
    expect(after[0]?.employee_id).toBe('E4');
    // importing the file again: the file wins again (the newest mapping of an identity is in force)
    await importAiFiles([f('identities.csv')], quiet);
    const back = await rawQuery<{ n: number }>(
      'select count(*)::int as n from ai_identity_map where org_id = 1',
    );
    expect(back[0]?.n).toBe(8);
  });
});
