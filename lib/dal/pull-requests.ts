import 'server-only';
import { copyValue, type RawTx } from '@/db/raw';
import type { PullRequestRecord } from '@/lib/ai-ingest/types';
import { rawQuery } from './raw-query';

/**
 * Pull requests of an AI upload (README lib/ai-ingest "Pull requests"), stored inside the import's
 * transaction. One row per organisation, repository and number: the rows of this upload are
 * COPYed into a temporary table; PRs stored before are updated from it in one join and the others
 * inserted in one statement, so re-importing a repository replaces its PRs instead of adding them
 * twice. The new copy wins, except where it knows less:
 * additions/deletions absent from a list download, co-authors and the AI reason found by an earlier
 * upload (a commits listing) are kept. COPY on both drivers (PostgreSQL streams it; PGlite loads
 * it as one blob).
 */

const STAGE_COLUMNS = [
  'repo',
  'number',
  'author_login',
  'created_at',
  'merged_at',
  'closed_at',
  'additions',
  'deletions',
  'labels',
  'co_authors',
  'ai_source',
] as const;

const BATCH = 5000;

function line(p: PullRequestRecord): string {
  return [
    copyValue(p.repo),
    p.number,
    copyValue(p.authorLogin),
    p.createdAt,
    copyValue(p.mergedAt),
    copyValue(p.closedAt),
    copyValue(p.additions),
    copyValue(p.deletions),
    copyValue(JSON.stringify(p.labels)),
    copyValue(JSON.stringify(p.coAuthors)),
    copyValue(p.aiSource),
  ].join('\t');
}

function* chunks(prs: readonly PullRequestRecord[]): Generator<string> {
  for (let i = 0; i < prs.length; i += BATCH) {
    let text = '';
    const end = Math.min(prs.length, i + BATCH);
    for (let j = i; j < end; j++) text += `${line(prs[j] as PullRequestRecord)}\n`;
    yield text;
  }
}

/** Stores the upload's PRs (one per repo and number, as parseAiFiles returns them); returns how many earlier rows were replaced. */
export async function storePullRequests(
  tx: RawTx,
  orgId: number,
  importId: number,
  prs: readonly PullRequestRecord[],
): Promise<{ stored: number; replaced: number }> {
  if (prs.length === 0) return { stored: 0, replaced: 0 };
  await tx.query(
    `create temporary table pr_stage (
       repo text not null, number integer not null, author_login text,
       created_at timestamptz not null, merged_at timestamptz, closed_at timestamptz,
       additions integer, deletions integer, labels jsonb, co_authors jsonb, ai_source text
     ) on commit drop`,
  );
  await tx.copyIn('pr_stage', STAGE_COLUMNS, chunks(prs));
  await tx.query('analyze pr_stage');
  // PRs stored before: updated in place (one hash join); the rest: one plain bulk insert. Faster than
  // insert … on conflict, which probes the key of every row one by one.
  const updated = await tx.query<{ n: number }>(
    `with u as (
       update pull_requests p set
         import_id = $2,
         author_login = s.author_login,
         created_at = s.created_at,
         merged_at = s.merged_at,
         closed_at = s.closed_at,
         additions = coalesce(s.additions, p.additions),
         deletions = coalesce(s.deletions, p.deletions),
         labels = s.labels,
         co_authors = case when s.co_authors = '[]'::jsonb then p.co_authors else s.co_authors end,
         ai_source = coalesce(s.ai_source, p.ai_source)
       from pr_stage s
       where p.org_id = $1 and p.repo = s.repo and p.number = s.number
       returning 1)
     select count(*)::int as n from u`,
    [orgId, importId],
  );
  const replaced = updated[0]?.n ?? 0;
  if (replaced < prs.length) {
    await tx.query(
      `insert into pull_requests (org_id, import_id, ${STAGE_COLUMNS.join(', ')})
       select $1, $2, ${STAGE_COLUMNS.map((c) => `s.${c}`).join(', ')} from pr_stage s
       ${replaced === 0 ? '' : 'where not exists (select 1 from pull_requests p where p.org_id = $1 and p.repo = s.repo and p.number = s.number)'}`,
      [orgId, importId],
    );
  }
  await tx.query('drop table pr_stage');
  return { stored: prs.length, replaced };
}

/** Counts of the stored PRs of an organisation (tests, CLI summaries). */
export interface PullRequestCounts {
  total: number;
  merged: number;
  aiAssisted: number;
}

/** Stored PRs of an organisation: all, merged, AI-assisted. */
export async function countPullRequests(orgId: number): Promise<PullRequestCounts> {
  const rows = await rawQuery<PullRequestCounts>(
    `select count(*)::int as total, count(merged_at)::int as merged, count(ai_source)::int as "aiAssisted"
     from pull_requests where org_id = $1`,
    [orgId],
  );
  return rows[0] ?? { total: 0, merged: 0, aiAssisted: 0 };
}
