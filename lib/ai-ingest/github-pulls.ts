/**
 * GitHub REST pull requests and commits, as downloaded: `GET /repos/{o}/{r}/pulls?state=all` (a JSON
 * array per page), `GET /repos/{o}/{r}/pulls/{n}` (one object, with additions/deletions), NDJSON of
 * either, and `GET /repos/{o}/{r}/commits` (whose messages carry Co-authored-by trailers).
 */
import type { AiDetection } from './detection';
import { aiSourceOf, coAuthorTrailers, isCopilotAuthor } from './ai-source';
import { countAt, rowIssue, type FileContext, type RowState } from './context';
import { prKey, type DeliveryParts } from './delivery';
import { arrayAt, isRecord, recordAt, textAt, type JsonRecord } from './json-values';
import type { PullRequestRecord } from './types';

/** True for a pull-request object (list or single endpoint). */
export function isPullRequest(r: JsonRecord): boolean {
  return 'number' in r && isRecord(r.base) && isRecord(r.head) && 'created_at' in r;
}

/** True for a commit of the commits endpoint. */
export function isCommit(r: JsonRecord): boolean {
  return typeof r.sha === 'string' && isRecord(r.commit) && 'message' in r.commit;
}

/** The detection of a GitHub PR or commit record (an array element, an NDJSON line or a single object). */
export function detectGithubRecord(r: JsonRecord): AiDetection | null {
  if (isPullRequest(r))
    return { action: 'import', format: 'github-pulls', label: 'GitHub pull requests (REST API)' };
  if (isCommit(r)) {
    return {
      action: 'import',
      format: 'github-pulls',
      label: 'GitHub commits (REST API; Co-authored-by trailers for pull requests)',
      variant: 'commits',
    };
  }
  return null;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** An ISO 8601 date or timestamp as a UTC ISO string; a date alone is midnight UTC, no zone is UTC. Null when not ISO. */
export function isoTimestamp(raw: string): string | null {
  const m = ISO.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  if (m[4] === undefined) return day.toISOString();
  const zone =
    m[8] === undefined || m[8].toUpperCase() === 'Z' ? 'Z' : m[8].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const t = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ?? ''}${zone}`);
  if (Number.isNaN(t.getTime()) || Number(m[4]) > 23 || Number(m[5]) > 59) return null;
  return t.toISOString();
}

/**
 * The engineer a Copilot coding-agent PR is credited to: the agent opens the PR as "Copilot" and
 * assigns it to the person who asked for it (with itself), so the first assignee who is not a bot
 * or Copilot. Null for any other PR, or an agent PR with no human assignee (it then joins nobody,
 * and counts only in the organisation's totals).
 */
export function creditedLogin(rec: JsonRecord, login: string | null, type: string | null): string | null {
  if (!isCopilotAuthor(login, type)) return null;
  for (const a of arrayAt(rec, 'assignees')) {
    if (!isRecord(a)) continue;
    const l = textAt(a, 'login');
    const t = textAt(a, 'type');
    if (l !== null && l !== '' && t?.toLowerCase() !== 'bot' && !isCopilotAuthor(l, t)) return l;
  }
  return null;
}

/** owner/name (lower-case) from an API or web URL of a repository item. */
export function repoFromUrl(url: string | null): string | null {
  if (url === null) return null;
  const m =
    /^https?:\/\/[^/]+\/(?:api\/v3\/)?(?:repos\/)?([^/\s]+)\/([^/\s]+)\/(?:pulls?|commits?|issues)\//i.exec(
      url,
    );
  return m ? `${m[1]}/${m[2]}`.toLowerCase() : null;
}

function timestampAt(
  ctx: FileContext,
  state: RowState,
  rec: JsonRecord,
  key: string,
  row: number,
  required: boolean,
): string | null {
  const raw = textAt(rec, key);
  if (raw === null) {
    if (required) {
      state.bad = true;
      rowIssue(ctx, 'error', 'missing-value', row, `${key} is missing; every pull request has one.`, key);
    }
    return null;
  }
  const iso = isoTimestamp(raw);
  if (iso === null) {
    state.bad = true;
    rowIssue(
      ctx,
      'error',
      'bad-date',
      row,
      `${key} "${raw.slice(0, 40)}" is not an ISO 8601 timestamp (like 2026-03-01T09:30:00Z); upload the file as the API returned it.`,
      key,
    );
  }
  return iso;
}

/** One pull-request object -> record (errors name the field). */
export function readGithubPull(ctx: FileContext, parts: DeliveryParts, rec: JsonRecord, row: number): void {
  const state: RowState = { bad: false };
  const base = recordAt(rec, 'base');
  const head = recordAt(rec, 'head');
  const repoName = textAt(recordAt(base ?? {}, 'repo') ?? {}, 'full_name');
  const repo =
    repoName?.toLowerCase() ?? repoFromUrl(textAt(rec, 'url')) ?? repoFromUrl(textAt(rec, 'html_url'));
  if (repo === null) {
    state.bad = true;
    rowIssue(
      ctx,
      'error',
      'missing-value',
      row,
      'base.repo.full_name is missing (and no url names the repository); download the pull requests from GET /repos/{owner}/{repo}/pulls.',
      'base.repo.full_name',
    );
  }
  const number = rec.number;
  if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0) {
    state.bad = true;
    rowIssue(
      ctx,
      'error',
      'bad-number',
      row,
      `number ${JSON.stringify(number)} is not a pull-request number.`,
      'number',
    );
  }
  const createdAt = timestampAt(ctx, state, rec, 'created_at', row, true);
  const mergedAt = timestampAt(ctx, state, rec, 'merged_at', row, false);
  const closedAt = timestampAt(ctx, state, rec, 'closed_at', row, false);
  const additions = countAt(ctx, state, rec, 'additions', row);
  const deletions = countAt(ctx, state, rec, 'deletions', row);
  if (state.bad || repo === null || typeof number !== 'number' || createdAt === null) return;
  if (mergedAt !== null && mergedAt < createdAt) {
    rowIssue(
      ctx,
      'warning',
      'merged-before-created',
      row,
      `merged_at ${mergedAt} is before created_at ${createdAt}; check the export.`,
      'merged_at',
    );
  }
  const user = recordAt(rec, 'user');
  const login = user ? textAt(user, 'login') : null;
  const authorType = user ? textAt(user, 'type') : null;
  const labels = arrayAt(rec, 'labels')
    .map((l) => (isRecord(l) ? textAt(l, 'name') : typeof l === 'string' ? l.trim() : null))
    .filter((l): l is string => l !== null && l !== '');
  const body = textAt(rec, 'body');
  const coAuthors = body ? coAuthorTrailers(body).map((c) => c.identity) : [];
  const pr: PullRequestRecord = {
    file: ctx.file,
    row,
    repo,
    number,
    // A Copilot coding-agent PR counts for the engineer who asked for it (its human assignee).
    authorLogin: (creditedLogin(rec, login, authorType) ?? login)?.toLowerCase() ?? null,
    createdAt,
    mergedAt,
    // GitHub sets closed_at when it merges; a copy without it closed when it merged
    closedAt: closedAt ?? mergedAt,
    additions,
    deletions,
    labels,
    coAuthors,
    aiSource: aiSourceOf({
      authorLogin: login,
      authorType,
      body,
      labels,
      coAuthors,
    }),
  };
  parts.pullRequests.push(pr);
  const key = prKey(repo, number);
  const mergeSha = textAt(rec, 'merge_commit_sha');
  // an open PR's merge_commit_sha is a test merge, not a commit of the branch it targets
  if (mergeSha !== null && mergedAt !== null) parts.prShas.push([mergeSha, key]);
  const headSha = head ? textAt(head, 'sha') : null;
  if (headSha !== null) parts.prShas.push([headSha, key]);
}

const PR_IN_MESSAGE = [/^Merge pull request #(\d+) from /, /\(#(\d+)\)\s*$/];

/** One commit of a commits listing: kept when its message has Co-authored-by trailers. */
export function readGithubCommit(ctx: FileContext, parts: DeliveryParts, rec: JsonRecord, row: number): void {
  parts.commitsRead += 1;
  const commit = recordAt(rec, 'commit') ?? {};
  const message = typeof commit.message === 'string' ? commit.message : '';
  const coAuthors = coAuthorTrailers(message).map((c) => c.identity);
  if (coAuthors.length === 0) return;
  const subject = message.split('\n', 1)[0] ?? '';
  let prNumber: number | null = null;
  for (const re of PR_IN_MESSAGE) {
    const m = re.exec(subject);
    if (m) {
      prNumber = Number(m[1]);
      break;
    }
  }
  parts.commits.push({
    file: ctx.file,
    row,
    repo: repoFromUrl(textAt(rec, 'url')) ?? repoFromUrl(textAt(rec, 'html_url')),
    sha: textAt(rec, 'sha') ?? '',
    prNumber,
    coAuthors,
  });
}

/** Reads documents or NDJSON lines of PRs and commits (arrays: element N is row N). */
export function createGithubReader(ctx: FileContext, parts: DeliveryParts) {
  const one = (item: unknown, row: number): void => {
    if (!isRecord(item)) return rowIssue(ctx, 'error', 'bad-record', row, 'the record is not a JSON object.');
    if (isPullRequest(item)) return readGithubPull(ctx, parts, item, row);
    if (isCommit(item)) return readGithubCommit(ctx, parts, item, row);
    rowIssue(
      ctx,
      'error',
      'bad-record',
      row,
      'this record is neither a pull request (number, base, head, created_at) nor a commit (sha, commit.message); upload the API reply as downloaded.',
    );
  };
  return {
    onValue(value: unknown, row: number): void {
      if (Array.isArray(value)) value.forEach((item, i) => one(item, i + 1));
      else one(value, row);
    },
    finish(): void {},
  };
}
