/**
 * The two delivery CSVs (README "Pull-request CSV", "Identity file"), detected from their header:
 *  - pull requests: repository, number, author login, created, merged, closed, additions,
 *    deletions, labels (;-separated), co-authors (;-separated), optional ai_tool;
 *  - identity file: an employee id and any identity columns (email, GitHub login, Cursor email,
 *    Windsurf API key, Claude email …); several identities in one cell are ;-separated.
 */
import { normaliseHeader } from '@/lib/ingest/header-synonyms';
import { IngestError } from '@/lib/ingest/errors';
import { clip } from '@/lib/ingest/limits';
import type { AiDetection } from './detection';
import { aiSourceOf } from './ai-source';
import { fileIssue, rowIssue, type FileContext } from './context';
import { addCoAuthors, type DeliveryParts } from './delivery';
import { COUNT_FIELDS, mapGenericHeaders } from './generic-csv-headers';
import { isoTimestamp } from './github-pulls';

const PR_FIELDS = {
  repository: ['repository', 'repo', 'reponame', 'repositoryname', 'fullname', 'repofullname'],
  number: ['number', 'prnumber', 'pr', 'pullrequest', 'pullnumber', 'pullrequestnumber', 'prno'],
  author: [
    'authorlogin',
    'author',
    'login',
    'githublogin',
    'user',
    'userlogin',
    'openedby',
    'createdby',
    'authorgithublogin',
  ],
  created: ['created', 'createdat', 'opened', 'openedat', 'createddate', 'opendate', 'createdon'],
  merged: ['merged', 'mergedat', 'mergedate', 'mergeddate', 'mergedon'],
  closed: ['closed', 'closedat', 'closedate', 'closeddate', 'closedon'],
  additions: ['additions', 'linesadded', 'added', 'insertions'],
  deletions: ['deletions', 'linesdeleted', 'linesremoved', 'deleted', 'removed'],
  labels: ['labels', 'label', 'tags'],
  coAuthors: ['coauthors', 'coauthor', 'coauthoredby'],
  aiTool: ['aitool', 'aiassistedby', 'aisource'],
} as const;
type PrField = keyof typeof PR_FIELDS;

const EMPLOYEE_ID = [
  'employeeid',
  'employee',
  'empid',
  'employeenumber',
  'personid',
  'staffid',
  'workerid',
  'personnelnumber',
];
/** Columns of an identity file that describe the person rather than name an identity. */
const NOT_IDENTITY = [
  'name',
  'fullname',
  'displayname',
  'firstname',
  'lastname',
  'team',
  'department',
  'manager',
  'notes',
  'note',
  'comment',
  'comments',
  'title',
];
const IDENTITY_HINT =
  /email|login|github|cursor|windsurf|codeium|claude|anthropic|copilot|apikey|username|handle|identity|userid|account/;

function mapColumns<F extends string>(
  headers: string[],
  fields: Readonly<Record<F, readonly string[]>>,
): Map<F, number> {
  const out = new Map<F, number>();
  headers.forEach((h, i) => {
    const n = normaliseHeader(h);
    for (const f of Object.keys(fields) as F[]) if (!out.has(f) && fields[f].includes(n)) out.set(f, i);
  });
  return out;
}

/** Detection of a PR CSV or an identity file from its header cells; null for any other CSV. */
export function detectDeliveryCsv(headers: string[]): AiDetection | null {
  const pr = mapColumns(headers, PR_FIELDS);
  if (pr.has('repository') && pr.has('number') && pr.has('created'))
    return { action: 'import', format: 'pull-requests-csv', label: 'Pull requests (CSV)' };
  const norm = headers.map(normaliseHeader);
  const employee = norm.findIndex((h) => EMPLOYEE_ID.includes(h));
  if (employee === -1) return null;
  // a generic AI-usage CSV also has an employee id, but a period and measures as well
  const generic = mapGenericHeaders(headers);
  if (generic.byField.has('period_start') || generic.byField.has('period')) return null;
  if (COUNT_FIELDS.some((f) => generic.byField.has(f))) return null;
  if (!norm.some((h, i) => i !== employee && IDENTITY_HINT.test(h))) return null;
  return {
    action: 'import',
    format: 'identity-file',
    label: 'Identity file (employee id -> tool identities)',
  };
}

const split = (cell: string): string[] =>
  cell
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The column header a field was read from, for messages. */
const colName = (headers: string[], i: number | undefined): string =>
  i === undefined ? '' : (headers[i] ?? '').trim();

/** Row reader of a PR CSV. */
export function createPullRequestCsvReader(ctx: FileContext, parts: DeliveryParts, headers: string[]) {
  const cols = mapColumns(headers, PR_FIELDS);
  if (!cols.has('author')) {
    fileIssue(
      ctx,
      'warning',
      'missing-column',
      'no author login column (author_login); PRs cannot be joined to people, so only org-wide delivery figures will use them.',
    );
  }
  const known = new Set(cols.values());
  headers.forEach((h, i) => {
    if (!known.has(i) && h.trim() !== '')
      fileIssue(
        ctx,
        'warning',
        'unknown-column',
        `column "${clip(h.trim())}" is not a pull-request field; ignored.`,
      );
  });
  let rows = 0;
  const err = (row: number, field: PrField, text: string): void => {
    const column = colName(headers, cols.get(field));
    rowIssue(ctx, 'error', 'bad-value', row, `line ${row + 1}, column "${column}": ${text}`, column);
  };
  const onRow = (cells: string[]): void => {
    rows += 1;
    const row = rows;
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (f: PrField): string => {
      const i = cols.get(f);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    let bad = false;
    const repo = cell('repository').toLowerCase();
    if (!/^[^/\s]+\/[^/\s]+$/.test(repo)) {
      err(
        row,
        'repository',
        `"${clip(cell('repository'))}" is not owner/name; write the repository as owner/name (e.g. acme/web).`,
      );
      bad = true;
    }
    const numText = cell('number').replace(/^#/, '');
    const number = /^\d+$/.test(numText) ? Number(numText) : Number.NaN;
    if (!(number > 0) || number > 2147483647) {
      err(
        row,
        'number',
        `"${clip(cell('number'))}" is not a pull-request number; write the number alone (e.g. 1234).`,
      );
      bad = true;
    }
    const time = (f: 'created' | 'merged' | 'closed', required: boolean): string | null => {
      const raw = cell(f);
      if (raw === '') {
        if (required) {
          err(
            row,
            f,
            'empty; every pull request has a creation time. Write it as 2026-03-01 or 2026-03-01T09:30:00Z.',
          );
          bad = true;
        }
        return null;
      }
      const iso = isoTimestamp(raw);
      if (iso === null) {
        err(row, f, `"${clip(raw)}" is not an ISO date; write it as 2026-03-01 or 2026-03-01T09:30:00Z.`);
        bad = true;
      }
      return iso;
    };
    const createdAt = time('created', true);
    const mergedAt = time('merged', false);
    const closedAt = time('closed', false);
    const count = (f: 'additions' | 'deletions'): number | null => {
      const raw = cell(f).replace(/,/g, '');
      if (raw === '') return null;
      if (!/^\d+$/.test(raw)) {
        err(
          row,
          f,
          `"${clip(cell(f))}" is not a whole number of lines (0 or more); leave it empty when unknown.`,
        );
        bad = true;
        return null;
      }
      return Number(raw);
    };
    const additions = count('additions');
    const deletions = count('deletions');
    if (bad || createdAt === null) return;
    if (mergedAt !== null && mergedAt < createdAt) {
      rowIssue(
        ctx,
        'warning',
        'merged-before-created',
        row,
        `line ${row + 1}: merged ${mergedAt} is before created ${createdAt}; check the export.`,
        colName(headers, cols.get('merged')),
      );
    }
    const author = cell('author').replace(/^@/, '').toLowerCase();
    const labels = split(cell('labels'));
    const tool = cell('aiTool').toLowerCase();
    const pr = {
      file: ctx.file,
      row,
      repo,
      number,
      authorLogin: author === '' ? null : author,
      createdAt,
      mergedAt,
      closedAt: closedAt ?? mergedAt,
      additions,
      deletions,
      labels,
      coAuthors: [] as string[],
      aiSource:
        tool !== '' && !['no', 'none', 'false', '0', '-'].includes(tool)
          ? `tool-reported:${tool.replace(/\s+/g, '-')}`
          : aiSourceOf({ authorLogin: author || null, authorType: null, body: null, labels, coAuthors: [] }),
    };
    addCoAuthors(
      pr,
      split(cell('coAuthors')).map((c) => (/<([^>]+)>/.exec(c)?.[1] ?? c).toLowerCase()),
    );
    parts.pullRequests.push(pr);
  };
  return {
    onRow,
    finish(): void {
      if (rows === 0) throw new IngestError('no-rows', 'the file has a header but no data rows.');
    },
  };
}

/** Row reader of an identity file. */
export function createIdentityCsvReader(ctx: FileContext, parts: DeliveryParts, headers: string[]) {
  const norm = headers.map(normaliseHeader);
  const employee = norm.findIndex((h) => EMPLOYEE_ID.includes(h));
  const idCols = norm
    .map((h, i) => i)
    .filter((i) => i !== employee && !NOT_IDENTITY.includes(norm[i] ?? '') && (norm[i] ?? '') !== '');
  let rows = 0;
  const onRow = (cells: string[]): void => {
    rows += 1;
    const row = rows;
    if (cells.every((c) => c.trim() === '')) return;
    const employeeId = (cells[employee] ?? '').trim();
    const identities: string[] = [];
    let bad = false;
    for (const i of idCols) {
      for (const v of split(cells[i] ?? '')) {
        const column = (headers[i] ?? '').trim();
        if (/\s/.test(v) || v.length > 254) {
          rowIssue(
            ctx,
            'error',
            'bad-value',
            row,
            `line ${row + 1}, column "${column}": "${clip(v)}" is not one identity (no spaces; separate several with ;).`,
            column,
          );
          bad = true;
          continue;
        }
        const id = v.replace(/^@/, '').toLowerCase();
        if (!identities.includes(id)) identities.push(id);
      }
    }
    if (employeeId === '') {
      if (identities.length > 0) {
        const column = (headers[employee] ?? '').trim();
        rowIssue(
          ctx,
          'error',
          'missing-value',
          row,
          `line ${row + 1}, column "${column}": empty; give the employee id these identities belong to.`,
          column,
        );
      }
      return;
    }
    if (bad) return;
    if (identities.length === 0) {
      rowIssue(
        ctx,
        'warning',
        'no-identities',
        row,
        `line ${row + 1}: employee ${clip(employeeId)} has no identities on this line; nothing to map.`,
      );
      return;
    }
    parts.identities.push({ file: ctx.file, row, employeeId, identities });
  };
  return {
    onRow,
    finish(): void {
      if (rows === 0) throw new IngestError('no-rows', 'the file has a header but no data rows.');
    },
  };
}
