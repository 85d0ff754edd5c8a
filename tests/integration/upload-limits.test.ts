/**
 * Issue #11 item 5 through the DAL: an upload whose file is over a parser limit (a 50 MB line, a
 * zip bomb) is refused with a short 422 before its bytes are written to the database, and a
 * 200,001-character name is an error on its row that keeps the upload from being committed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAiUpload } from '@/lib/dal/ai-uploads';
import type { Actor } from '@/lib/dal/actor';
import { ValidationError } from '@/lib/dal/errors';
import { commitPendingUpload, createUpload } from '@/lib/dal/uploads';
import { oneLineCsv, xlsxBomb } from '@/cli/bench/abuse-files';
import { queryRows } from '../support/cli';
import { backends, createTestDb, type TestDb } from '../support/test-db';

const hr: Actor = {
  userId: null,
  email: 'hr@example.com',
  name: 'HR',
  role: 'hr',
  scopeEmployeeId: null,
  orgId: 1,
  orgIds: [1],
};
const MB = 1024 * 1024;

describe.each(backends())('bounded uploads on %s', (backend) => {
  let tdb: TestDb;
  const storedFiles = async () =>
    (await queryRows<{ n: number }>(tdb.handle, 'select count(*)::int as n from pending_upload_files'))[0]?.n;

  beforeAll(async () => {
    tdb = await createTestDb(backend);
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('refuses a one-line 50 MB CSV with a short message and stores nothing', async () => {
    const error = await createUpload(
      hr,
      [{ name: 'org-2024-01-31.csv', bytes: oneLineCsv(50 * MB) }],
      {},
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(
      /^Nothing was stored: org-2024-01-31\.csv: the first line is longer/,
    );
    expect((error as Error).message.length).toBeLessThan(1024);
    expect(await storedFiles()).toBe(0);
  });

  it('refuses an XLSX zip bomb as too large and stores nothing', async () => {
    await expect(
      createUpload(hr, [{ name: 'org-2024-01-31.xlsx', bytes: xlsxBomb(2048) }], {}),
    ).rejects.toThrow(/too large/);
    await expect(createAiUpload(hr, [{ name: 'usage.csv', bytes: oneLineCsv(5 * MB) }])).rejects.toThrow(
      /Nothing was stored/,
    );
    expect(await storedFiles()).toBe(0);
  });

  it('reports a 200,001-character name on its row and column, and refuses to commit it', async () => {
    const csv = `employee_id,manager_id,name\nE1,,Ada\nE2,E1,${'N'.repeat(200_001)}\n`;
    const view = await createUpload(hr, [{ name: 'org.csv', bytes: new TextEncoder().encode(csv) }], {
      asOf: '2024-01-31',
    });
    expect(view.report.ok).toBe(false);
    const issue = view.report.fileIssues.find((i) => i.code === 'cell-too-long');
    // Rows are the file's line numbers (SPEC): the header is line 1, E2 is on line 3.
    expect(issue).toMatchObject({ severity: 'error', row: 3, column: 'name' });
    expect(issue?.message).toMatch(/Line 3/);
    expect(JSON.stringify(view.report).length).toBeLessThan(4096);
    await expect(commitPendingUpload(hr, view.id)).rejects.toThrow(/has errors/);
  });
});
