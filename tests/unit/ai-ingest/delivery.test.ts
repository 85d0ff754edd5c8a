/**
 * Delivery data (lib/ai-ingest README "Pull requests", "Identity file"): GitHub REST pull requests
 * (list array, single PR, NDJSON), a commits listing with Co-authored-by trailers, the PR CSV and the
 * identity file. Every expected value is read off the fixtures in tests/fixtures/ai/delivery by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseAiFiles } from '@/lib/ai-ingest';
import { aiSourceOf, coAuthorTrailers, coAuthorTool, isCopilotAuthor } from '@/lib/ai-ingest/ai-source';
import { detectAiFormat } from '@/lib/ai-ingest/detection';
import { isoTimestamp } from '@/lib/ai-ingest/github-pulls';
import type { PullRequestRecord } from '@/lib/ai-ingest/types';
import { codes, fixture, textFile, TODAY } from './helpers';

const D = 'delivery/';
const parse = (...names: string[]) =>
  parseAiFiles(
    names.map((n) => fixture(D + n)),
    { today: TODAY },
  );
const byKey = (prs: PullRequestRecord[] | undefined) =>
  new Map((prs ?? []).map((p) => [`${p.repo}#${p.number}`, p]));

describe('GitHub pull requests (REST JSON)', () => {
  it('reads a list page, a single PR, NDJSON and a commits listing in one upload', async () => {
    const r = await parse(
      'pulls-acme-web.json',
      'pull-acme-web-101.json',
      'commits-acme-web.json',
      'pulls-acme-api.ndjson',
    );
    expect(r.ok).toBe(true);
    // 7 in acme/web (101 is in the list and the single download: stored once) + 2 in acme/api
    expect(r.pullRequests).toHaveLength(9);
    expect(codes(r, 'warning')).toEqual({ 'duplicate-pr': 1, 'commits-linked': 1 });
    expect(r.files.map((f) => [f.format, f.pullRequests ?? null, f.commits ?? null])).toEqual([
      ['github-pulls', 6, null], // 101 is credited to the single-PR file (it has additions/deletions)
      ['github-pulls', 1, null],
      ['github-pulls', 0, 4],
      ['github-pulls', 2, null],
    ]);
    const prs = byKey(r.pullRequests);
    // repository names are lower-cased (base.repo.full_name "Acme/Web")
    const p101 = prs.get('acme/web#101');
    expect(p101).toMatchObject({
      authorLogin: 'alice',
      createdAt: '2026-03-02T09:00:00.000Z',
      mergedAt: '2026-03-03T15:00:00.000Z',
      closedAt: '2026-03-03T15:00:00.000Z',
      additions: 120,
      deletions: 30,
      aiSource: 'tool-reported:claude-code',
    });
    // the list endpoint omits additions/deletions: null, not 0
    expect(prs.get('acme/web#102')).toMatchObject({
      additions: null,
      aiSource: 'copilot-author',
      authorLogin: 'copilot',
    });
    // squash commit aaaa… = merge_commit_sha of #103, trailer "Cursor Agent <cursoragent@cursor.com>"
    expect(prs.get('acme/web#103')).toMatchObject({
      coAuthors: ['cursoragent@cursor.com'],
      aiSource: 'co-author:cursor',
    });
    // deleted account (user null), open
    expect(prs.get('acme/web#104')).toMatchObject({
      authorLogin: null,
      mergedAt: null,
      closedAt: null,
      aiSource: null,
    });
    // closed without merging, generic label
    expect(prs.get('acme/web#105')).toMatchObject({
      mergedAt: null,
      closedAt: '2026-03-07T13:00:00.000Z',
      aiSource: 'label:ai-assisted',
    });
    expect(prs.get('acme/web#106')).toMatchObject({
      authorLogin: 'bob',
      labels: ['bug', 'Copilot'],
      aiSource: 'tool-reported:copilot',
    });
    // "Merge pull request #107 from …" carries Co-Authored-By: Claude <noreply@anthropic.com>
    expect(prs.get('acme/web#107')).toMatchObject({
      coAuthors: ['noreply@anthropic.com'],
      aiSource: 'co-author:claude-code',
    });
    // +01:00 offset converted to UTC; trailer in the PR body
    expect(prs.get('acme/api#1')).toMatchObject({
      createdAt: '2026-03-03T08:00:00.000Z',
      coAuthors: ['windsurf@codeium.com'],
      aiSource: 'co-author:windsurf',
    });
    expect(prs.get('acme/api#2')?.aiSource).toBeNull();
    const all = r.pullRequests ?? [];
    expect(all.filter((p) => p.mergedAt !== null)).toHaveLength(6); // 101 102 103 106 107 api#1
    expect(all.filter((p) => p.aiSource !== null)).toHaveLength(7); // all but 104 and api#2
  });

  it('keeps a commits listing alone out of storage and says why', async () => {
    const r = await parse('commits-acme-web.json');
    expect(r.ok).toBe(true);
    expect(r.pullRequests).toEqual([]);
    expect(codes(r, 'warning')).toEqual({ 'commits-only': 1 });
    expect(r.issues[0]?.message).toContain('upload it together with the pull requests');
  });

  it('refuses bad records with the field and the fix', async () => {
    const r = await parse('pulls-bad.json');
    expect(r.ok).toBe(false);
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'created_at'],
      [2, 'number'],
      [3, 'additions'],
      [4, 'base.repo.full_name'],
    ]);
    expect(errors[0]?.message).toContain('"yesterday" is not an ISO 8601 timestamp');
  });

  it('detects PR objects, commits and NDJSON lines from their fields', () => {
    expect(
      detectAiFormat('x.json', '[{"number":1,"base":{},"head":{},"created_at":"2026-01-01T00:00:00Z"}]')
        .format,
    ).toBe('github-pulls');
    expect(detectAiFormat('x.json', '[{"sha":"a","commit":{"message":"m"}}]').variant).toBe('commits');
  });
});

describe('pull-request CSV', () => {
  it('reads header synonyms, ISO dates and offsets, ;-separated labels and co-authors', async () => {
    const r = await parse('pull-requests.csv');
    expect(r.ok).toBe(true);
    expect(r.files[0]).toMatchObject({ format: 'pull-requests-csv', pullRequests: 5 });
    const prs = byKey(r.pullRequests);
    expect(prs.get('acme/mobile#10')).toMatchObject({
      authorLogin: 'hana',
      createdAt: '2026-03-01T00:00:00.000Z',
      mergedAt: '2026-03-02T10:00:00.000Z',
      closedAt: '2026-03-02T10:00:00.000Z', // empty closed = merged
      additions: 10,
      deletions: 2,
      labels: ['feature', 'ui'],
      aiSource: null,
    });
    expect(prs.get('acme/mobile#11')).toMatchObject({ mergedAt: null, additions: null, aiSource: null });
    expect(prs.get('acme/mobile#12')).toMatchObject({
      authorLogin: 'hana',
      createdAt: '2026-03-04T06:00:00.000Z',
      coAuthors: ['noreply@anthropic.com', 'kim@acme.test'],
      aiSource: 'co-author:claude-code',
    });
    expect(prs.get('acme/mobile#13')?.aiSource).toBe('copilot-author');
    expect(prs.get('acme/mobile#14')).toMatchObject({ mergedAt: null, closedAt: '2026-03-08T00:00:00.000Z' });
    const all = r.pullRequests ?? [];
    expect(all.filter((p) => p.mergedAt !== null)).toHaveLength(3);
    expect(all.filter((p) => p.aiSource !== null)).toHaveLength(2);
  });

  it("credits a Copilot coding-agent PR to the engineer it is assigned to, not to 'Copilot'", async () => {
    const pr = (number: number, user: object, assignees: object[]) => ({
      number,
      user,
      assignees,
      body: null,
      labels: [],
      created_at: '2026-03-02T10:00:00Z',
      merged_at: '2026-03-03T10:00:00Z',
      closed_at: '2026-03-03T10:00:00Z',
      head: { ref: `copilot/fix-${number}` },
      base: { ref: 'main', repo: { full_name: 'Acme/Web' } },
    });
    const bot = { login: 'Copilot', type: 'Bot' };
    const r = await parseAiFiles(
      [
        textFile(
          'pulls.json',
          JSON.stringify([
            // GitHub lists the agent and the person who asked as assignees, in either order
            pr(1, bot, [bot, { login: 'Alice', type: 'User' }]),
            pr(2, bot, []),
            pr(3, { login: 'bob', type: 'User' }, [{ login: 'carol', type: 'User' }]),
            pr(4, bot, [
              { login: 'renovate[bot]', type: 'Bot' },
              { login: 'dan', type: 'User' },
            ]),
          ]),
        ),
      ],
      { today: TODAY },
    );
    const prs = byKey(r.pullRequests);
    expect(prs.get('acme/web#1')).toMatchObject({ authorLogin: 'alice', aiSource: 'copilot-author' });
    // no human assignee: the agent stays the author (it joins nobody)
    expect(prs.get('acme/web#2')).toMatchObject({ authorLogin: 'copilot', aiSource: 'copilot-author' });
    // a person's PR keeps its author whoever is assigned
    expect(prs.get('acme/web#3')).toMatchObject({ authorLogin: 'bob', aiSource: null });
    expect(prs.get('acme/web#4')).toMatchObject({ authorLogin: 'dan', aiSource: 'copilot-author' });
  });

  it('refuses bad cells with line, column and fix', async () => {
    const r = await parse('pull-requests-bad.csv');
    expect(r.ok).toBe(false);
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'repository'],
      [2, 'created'],
      [3, 'additions'],
      [4, 'number'],
      [5, 'created'],
    ]);
    expect(errors[1]?.message).toContain(
      'line 3, column "created": "03/04/2026" is not an ISO date; write it as 2026-03-01',
    );
    expect(r.pullRequests).toEqual([]);
  });

  it('refuses a header-only PR CSV', async () => {
    const r = await parseAiFiles([textFile('prs.csv', 'repository,number,created\n')], { today: TODAY });
    expect(codes(r, 'error')).toEqual({ 'no-rows': 1 });
  });
});

describe('identity file', () => {
  it('maps an employee id to every identity column, lower-case, ;-separated cells split', async () => {
    const r = await parse('identities.csv');
    expect(r.ok).toBe(true);
    expect(r.files[0]).toMatchObject({ format: 'identity-file', identities: 3 });
    expect(r.identities?.map((i) => [i.row, i.employeeId, i.identities])).toEqual([
      [1, 'E2', ['ben@acme.test', 'ben-gh', 'ben.personal@gmail.com', 'wsk_ben_123']],
      [2, 'E3', ['cat-gh', 'cat-old', 'cat@claude-users.test']],
      [4, 'E99', ['nobody@acme.test']],
    ]);
    expect(codes(r, 'warning')).toEqual({ 'no-identities': 1 }); // E4, line 4
  });

  it('refuses an identity given to two people, an identity with spaces and a line without employee', async () => {
    const r = await parse('identities-bad.csv');
    expect(r.ok).toBe(false);
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.map((e) => [e.code, e.row])).toEqual([
      ['missing-value', 3],
      ['bad-value', 4],
      ['identity-conflict', 2],
    ]);
    expect(errors[1]?.message).toContain('line 5, column "github_login": "dan gh" is not one identity');
  });

  it('leaves the generic AI-usage CSV (employee id with a period and measures) alone', () => {
    expect(
      detectAiFormat('u.csv', 'employee_id,period_start,period_end,suggestions\nE1,2026-01-01,2026-01-31,3\n')
        .format,
    ).toBe('generic-csv');
    expect(detectAiFormat('i.csv', 'employee_id,github_login\nE1,x\n').format).toBe('identity-file');
  });
});

describe('AI-assisted rules', () => {
  it('recognises the Copilot coding agent as author', () => {
    expect(isCopilotAuthor('Copilot', 'Bot')).toBe(true);
    expect(isCopilotAuthor('copilot-swe-agent[bot]', null)).toBe(true);
    expect(isCopilotAuthor('copilot-pull-request-reviewer[bot]', 'Bot')).toBe(false);
    expect(isCopilotAuthor('copilotfan', 'User')).toBe(false);
  });

  it('reads Co-authored-by trailers, any case, with or without email', () => {
    expect(
      coAuthorTrailers('x\n\nCo-Authored-By: Claude <noreply@anthropic.com>\nco-authored-by: Kim'),
    ).toEqual([
      { name: 'Claude', identity: 'noreply@anthropic.com' },
      { name: 'Kim', identity: 'kim' },
    ]);
    expect(coAuthorTool('198982749+Copilot@users.noreply.github.com')).toBe('copilot');
    expect(coAuthorTool('cursoragent@cursor.com')).toBe('cursor');
    expect(coAuthorTool('someone@codeium.com')).toBe('windsurf');
    expect(coAuthorTool('kim@acme.test')).toBeNull();
  });

  it('takes the strongest reason first', () => {
    const base = { authorLogin: 'kim', authorType: 'User', body: null, labels: [], coAuthors: [] };
    expect(aiSourceOf({ ...base, labels: ['ai-generated'], coAuthors: ['noreply@anthropic.com'] })).toBe(
      'co-author:claude-code',
    );
    expect(aiSourceOf({ ...base, body: 'Generated with Claude Code', labels: ['cursor'] })).toBe(
      'tool-reported:claude-code',
    );
    expect(aiSourceOf({ ...base, authorLogin: 'Copilot', authorType: 'Bot', labels: ['cursor'] })).toBe(
      'copilot-author',
    );
    expect(aiSourceOf({ ...base, labels: ['🤖 copilot'] })).toBe('tool-reported:copilot');
    expect(aiSourceOf(base)).toBeNull();
  });

  it('reads ISO dates and timestamps only', () => {
    expect(isoTimestamp('2026-03-01')).toBe('2026-03-01T00:00:00.000Z');
    expect(isoTimestamp('2026-03-01T10:00:00+0200')).toBe('2026-03-01T08:00:00.000Z');
    expect(isoTimestamp('2026-02-30')).toBeNull();
    expect(isoTimestamp('03/04/2026')).toBeNull();
  });
});
