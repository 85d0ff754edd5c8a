/**
 * Delivery data of one upload: pull requests, commits carrying Co-authored-by trailers, identity
 * lines. Readers (github-pulls.ts, delivery-csv.ts) fill one DeliveryParts per file; finishDelivery
 * joins them across the upload: one record per repository and number, commit trailers attached to
 * the PR their commit belongs to, and the AI-assisted reason updated.
 */
import type { Issue } from '@/lib/ingest/types';
import { coAuthorTool } from './ai-source';
import type { IdentityRecord, PullRequestRecord } from './types';

/** A commit of a commits listing that has Co-authored-by trailers (the others are only counted). */
export interface TrailerCommit {
  file: string;
  row: number;
  /** owner/name (lower-case) from the commit's url, null when absent */
  repo: string | null;
  sha: string;
  /** the PR its message names ("Merge pull request #12 from …", "Title (#12)"), else null */
  prNumber: number | null;
  coAuthors: string[];
}

/** What the delivery readers of one file found. */
export interface DeliveryParts {
  pullRequests: PullRequestRecord[];
  identities: IdentityRecord[];
  commits: TrailerCommit[];
  /** commits read (with or without trailers) */
  commitsRead: number;
  /** [sha, PR key]: merge commits of merged PRs and PR head commits, to link commits to PRs */
  prShas: Array<[string, string]>;
}

/** Empty parts for a new file. */
export function emptyDelivery(): DeliveryParts {
  return { pullRequests: [], identities: [], commits: [], commitsRead: 0, prShas: [] };
}

/** The key of a PR: repo#number. */
export const prKey = (repo: string, number: number): string => `${repo}#${number}`;

/** Adds co-authors to a PR and upgrades its AI reason when a trailer names a tool (rule 3 beats rule 4). */
export function addCoAuthors(pr: PullRequestRecord, identities: readonly string[]): void {
  for (const id of identities) if (!pr.coAuthors.includes(id)) pr.coAuthors.push(id);
  if (pr.aiSource !== null && !pr.aiSource.startsWith('label:')) return;
  for (const id of pr.coAuthors) {
    const tool = coAuthorTool(id);
    if (tool) {
      pr.aiSource = `co-author:${tool}`;
      return;
    }
  }
}

/** Prefer the copy that knows more (additions/deletions from a single-PR download), else the later one. */
function better(a: PullRequestRecord, b: PullRequestRecord): PullRequestRecord {
  const known = (p: PullRequestRecord) => (p.additions === null ? 0 : 1) + (p.mergedAt === null ? 0 : 1);
  const keep = known(a) > known(b) ? a : b;
  const other = keep === a ? b : a;
  if (keep.additions === null) keep.additions = other.additions;
  if (keep.deletions === null) keep.deletions = other.deletions;
  addCoAuthors(keep, other.coAuthors);
  if (keep.aiSource === null) keep.aiSource = other.aiSource;
  return keep;
}

/** The upload's delivery records after joining files; warnings go to issues. */
export interface DeliveryResult {
  pullRequests: PullRequestRecord[];
  identities: IdentityRecord[];
  /** per file: commits read */
  commitsByFile: Map<string, number>;
}

/** Joins the delivery parts of every file of an upload. */
export function finishDelivery(parts: readonly DeliveryParts[], issues: Issue[]): DeliveryResult {
  const byKey = new Map<string, PullRequestRecord>();
  let repeated = 0;
  for (const p of parts) {
    for (const pr of p.pullRequests) {
      const key = prKey(pr.repo, pr.number);
      const prev = byKey.get(key);
      if (prev) repeated += 1;
      byKey.set(key, prev ? better(prev, pr) : pr);
    }
  }
  if (repeated > 0) {
    issues.push({
      severity: 'warning',
      code: 'duplicate-pr',
      message: `${repeated.toLocaleString('en-US')} pull request(s) appear more than once in this upload (overlapping pages, or a list beside single-PR downloads); each is stored once, keeping the copy with additions/deletions.`,
    });
  }
  const bySha = new Map<string, string>();
  for (const p of parts) for (const [sha, key] of p.prShas) bySha.set(sha, key);
  const commitsByFile = new Map<string, number>();
  for (const p of parts) {
    if (p.commitsRead === 0) continue;
    const file = p.commits[0]?.file;
    let linked = 0;
    for (const c of p.commits) {
      const key =
        bySha.get(c.sha) ?? (c.repo !== null && c.prNumber !== null ? prKey(c.repo, c.prNumber) : null);
      const pr = key === null ? undefined : byKey.get(key);
      if (!pr) continue;
      addCoAuthors(pr, c.coAuthors);
      linked += 1;
    }
    if (file) commitsByFile.set(file, p.commitsRead);
    const name = file ?? 'commits listing';
    issues.push({
      severity: 'warning',
      code: byKey.size === 0 ? 'commits-only' : 'commits-linked',
      file: name,
      message:
        byKey.size === 0
          ? `${name}: a commits listing is not stored on its own (${p.commitsRead} commit(s), ${p.commits.length} with Co-authored-by trailers): upload it together with the pull requests of the same repository, and the trailers are added to the PR each commit belongs to.`
          : `${name}: ${p.commits.length} of ${p.commitsRead} commit(s) have Co-authored-by trailers; ${linked} of them belong to a pull request of this upload (merge or head commit, "Merge pull request #N", "(#N)") and were added to its co-authors; the others are not stored.`,
    });
  }
  // Identities: one employee per identity across the upload.
  const identities: IdentityRecord[] = [];
  const owner = new Map<string, IdentityRecord>();
  for (const p of parts) {
    for (const rec of p.identities) {
      const kept: string[] = [];
      for (const id of rec.identities) {
        const prev = owner.get(id);
        if (prev && prev.employeeId !== rec.employeeId) {
          issues.push({
            severity: 'error',
            code: 'identity-conflict',
            file: rec.file,
            row: rec.row,
            message: `${rec.file}, row ${rec.row}: "${id}" is given to employee ${rec.employeeId} here and to ${prev.employeeId} in ${prev.file} row ${prev.row}; one identity belongs to one person. Remove one of the two.`,
          });
          continue;
        }
        if (prev) continue; // the same mapping twice
        owner.set(id, rec);
        kept.push(id);
      }
      identities.push({ ...rec, identities: kept });
    }
  }
  return { pullRequests: [...byKey.values()], identities, commitsByFile };
}
