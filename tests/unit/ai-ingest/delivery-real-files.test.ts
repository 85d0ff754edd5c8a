/**
 * The recorded GitHub REST replies of ../shared/data/github-pull-requests (PROVENANCE.md there):
 * every file imports or is refused with a reason. Counts are read off the JSON by hand:
 * the open list holds PRs 260 and 259 (bitwiseman, open, no labels); PR 272 is closed unmerged with
 * additions 1 / deletions 1; the stapler/stapler commits list holds 30 commits, one of them
 * (06b1108e) with a "Co-Authored-By: Jesse Glick <jglick@cloudbees.com>" trailer.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAiFiles } from '@/lib/ai-ingest';
import { codes, DATA, HAS_DATA, TODAY } from './helpers';

const DIR = 'github-pull-requests';
const HAS_PRS = HAS_DATA && existsSync(path.join(DATA, DIR));
if (!HAS_PRS) console.warn(`Pull-request real-data tests skipped: ${path.join(DATA, DIR)} is missing.`);

const parse = (...names: string[]) =>
  parseAiFiles(
    names.map((n) => ({ name: n, path: path.join(DATA, DIR, n) })),
    { today: TODAY },
  );

describe.skipIf(!HAS_PRS)('real GitHub pull-request replies', () => {
  it('the open list: 2 PRs, none merged, none AI-assisted, additions unknown', async () => {
    const r = await parse('hub4j-pulls-state-open-list.json');
    expect(r.ok).toBe(true);
    expect(r.files[0]).toMatchObject({ format: 'github-pulls', pullRequests: 2 });
    expect(
      r.pullRequests?.map((p) => [p.repo, p.number, p.authorLogin, p.mergedAt, p.closedAt, p.additions]),
    ).toEqual([
      ['hub4j-test-org/github-api', 260, 'bitwiseman', null, null, null],
      ['hub4j-test-org/github-api', 259, 'bitwiseman', null, null, null],
    ]);
    expect(r.pullRequests?.filter((p) => p.aiSource !== null)).toHaveLength(0);
    expect(r.issues).toEqual([]);
  });

  it('PR 272: closed, not merged, 1 addition and 1 deletion', async () => {
    const r = await parse('hub4j-pull-272-closed-unmerged.json');
    expect(r.ok).toBe(true);
    expect(r.pullRequests).toHaveLength(1);
    expect(r.pullRequests?.[0]).toMatchObject({
      number: 272,
      mergedAt: null,
      closedAt: '2019-09-08T07:25:09.000Z',
      createdAt: '2019-09-08T07:25:08.000Z',
      additions: 1,
      deletions: 1,
      aiSource: null,
    });
  });

  it('the commits list alone is read (30 commits, 1 trailer) and not stored', async () => {
    const r = await parse('hub4j-commits-list-with-co-authored-by.json');
    expect(r.ok).toBe(true);
    expect(r.files[0]).toMatchObject({ format: 'github-pulls', pullRequests: 0, commits: 30 });
    expect(codes(r)).toEqual({ 'commits-only': 1 });
    expect(r.issues[0]?.message).toContain('30 commit(s), 1 with Co-authored-by trailers');
  });

  it('all three together: 3 PRs, 0 merged; the stapler commits belong to none of them', async () => {
    const r = await parse(
      'hub4j-pulls-state-open-list.json',
      'hub4j-pull-272-closed-unmerged.json',
      'hub4j-commits-list-with-co-authored-by.json',
    );
    expect(r.ok).toBe(true);
    expect(r.pullRequests).toHaveLength(3);
    expect(r.pullRequests?.filter((p) => p.mergedAt !== null)).toHaveLength(0);
    expect(r.pullRequests?.flatMap((p) => p.coAuthors)).toEqual([]);
    expect(codes(r)).toEqual({ 'commits-linked': 1 });
  });

  it('refuses the WireMock request mapping (not an API reply) and says what is supported', async () => {
    const r = await parse('hub4j-pulls-state-open-list.wiremock-mapping.json');
    expect(r.ok).toBe(false);
    expect(codes(r, 'error')).toEqual({ 'unknown-format': 1 });
    expect(r.issues[0]?.message).toContain('GitHub pull requests and commits');
  });
});
