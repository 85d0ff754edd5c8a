/**
 * Generic AI-usage CSV (SPEC.md "AI usage"): one row per team or per person per period.
 * A row naming a person (employee_id, github_login or email) is a person row, active when any AI
 * activity count or ai_active_users is above 0; otherwise a row with team_manager_id is a team row.
 * Dates are resolved at the end of the file so d/m/y vs m/d/y is decided per column, as for org files.
 */
import { parseNumber, cleanText } from '@/lib/ingest/cell-values';
import {
  dateOrderEvidence,
  fullYear,
  isoDate,
  monthEnd,
  monthNumber,
  parseDate,
  type DateOrder,
} from '@/lib/ingest/dates';
import { IngestError } from '@/lib/ingest/errors';
import type { AiTool, AiUsageRecord } from './types';
import { addUsage, blankUsage, fileIssue, person, rowIssue, type FileContext } from './context';
import { COUNT_FIELDS, mapGenericHeaders, type CountField, type GenericField } from './generic-csv-headers';
import { clip } from '@/lib/ingest/limits';

/** A period cell read as a day or a whole month. */
export function parsePeriodCell(raw: string, order: DateOrder): { start: string; end: string } | null {
  const t = raw.trim();
  let m = /^(\d{4})[-/](\d{1,2})$/.exec(t);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    const start = isoDate(y, mo, 1);
    return start ? { start, end: monthEnd(y, mo) } : null;
  }
  m = /^([A-Za-z]{3,9})\.?[ -]'?(\d{4}|\d{2})$/.exec(t);
  if (m) {
    const mo = monthNumber(m[1] ?? '');
    const y = fullYear(m[2] ?? '');
    return mo ? { start: isoDate(y, mo, 1) ?? '', end: monthEnd(y, mo) } : null;
  }
  const day = parseDate(t, order);
  return day ? { start: day, end: day } : null;
}

function toolOf(raw: string | undefined): AiTool {
  const t = (raw ?? '').toLowerCase();
  if (t.includes('copilot') || t.includes('github')) return 'copilot';
  if (t.includes('cursor')) return 'cursor';
  return 'other';
}

const ACTIVITY: readonly CountField[] = [
  'suggestions',
  'acceptances',
  'lines_suggested',
  'lines_accepted',
  'ai_assisted_prs',
  'ai_active_users',
];

interface Pending {
  rec: AiUsageRecord;
  start: string;
  end: string | null;
}

/** Row reader for one generic CSV; call onRow per data row, then finish. */
export function createGenericCsvReader(ctx: FileContext, headers: string[]) {
  const mapping = mapGenericHeaders(headers);
  const col = (f: GenericField): number | undefined => mapping.byField.get(f);
  const startCol = col('period_start') ?? col('period');
  const endCol = col('period_start') === undefined ? undefined : col('period_end');
  if (startCol === undefined) {
    throw new IngestError('missing-column', 'no period_start column (or a single date/month column).', {
      column: 'period_start',
    });
  }
  for (const u of mapping.unknown) {
    fileIssue(
      ctx,
      'warning',
      'unknown-column',
      `column "${clip(u.header)}" is not an AI-usage field; ignored.`,
    );
  }
  for (const r of mapping.repeated) {
    fileIssue(
      ctx,
      'warning',
      'repeated-column',
      `column "${clip(r.header)}" is a second ${r.field} column; the first one is used.`,
    );
  }
  const header = (i: number | undefined): string => (i === undefined ? '' : (headers[i] ?? '').trim());
  const pending: Pending[] = [];
  const evidence = { dmy: 0, mdy: 0 };
  let ignoredTeam = 0;
  let rows = 0;

  const onRow = (cells: string[]): void => {
    rows += 1;
    const row = rows;
    const cell = (f: GenericField): string | undefined => {
      const i = col(f);
      return i === undefined ? undefined : cells[i];
    };
    const employeeId = cleanText(cell('employee_id'));
    const githubLogin = cleanText(cell('github_login'));
    const email = cleanText(cell('email'));
    const team = cleanText(cell('team_manager_id'));
    const isPerson = employeeId !== null || githubLogin !== null || email !== null;
    if (!isPerson && team === null) {
      rowIssue(
        ctx,
        'error',
        'missing-subject',
        row,
        'no employee_id, github_login, email or team_manager_id; the row says whose usage it is nowhere.',
      );
      return;
    }
    if (isPerson && team !== null) ignoredTeam += 1;
    let bad = false;
    const values = new Map<CountField, number | null>();
    for (const f of COUNT_FIELDS) {
      const raw = cell(f);
      const parsed = parseNumber(raw);
      if (!parsed.ok) {
        rowIssue(
          ctx,
          'error',
          'bad-number',
          row,
          `${clip(header(col(f)), 60)} "${clip((raw ?? '').trim())}" is not a number.`,
          header(col(f)),
        );
        bad = true;
      } else if (parsed.value !== null && parsed.value < 0) {
        rowIssue(
          ctx,
          'error',
          'negative-count',
          row,
          `${header(col(f))} is negative (${parsed.value}); counts cannot be below 0.`,
          header(col(f)),
        );
        bad = true;
      } else values.set(f, parsed.value);
    }
    const start = (startCol === undefined ? '' : (cells[startCol] ?? '')).trim();
    const end = endCol === undefined ? null : (cells[endCol] ?? '').trim();
    for (const raw of [start, end ?? '']) {
      const e = dateOrderEvidence(raw);
      if (e) evidence[e] += 1;
    }
    if (bad) return;
    const v = (f: CountField): number | null => values.get(f) ?? null;
    const subject = isPerson
      ? person({ employeeId, githubLogin, email })
      : { kind: 'team' as const, teamManagerId: team ?? '' };
    const rec = blankUsage(ctx, row, toolOf(cell('tool')), '', '', subject);
    rec.suggestions = v('suggestions');
    rec.acceptances = v('acceptances');
    rec.linesSuggested = v('lines_suggested');
    rec.linesAccepted = v('lines_accepted');
    rec.prsMerged = v('prs_merged');
    rec.aiAssistedPrs = v('ai_assisted_prs');
    rec.spendUsd = v('ai_spend_usd');
    if (isPerson) {
      const known = ACTIVITY.map(v).filter((x): x is number => x !== null);
      rec.active = known.length === 0 ? null : known.some((x) => x > 0);
    } else {
      rec.engineers = v('engineers');
      rec.aiActiveUsers = v('ai_active_users');
    }
    pending.push({ rec, start, end });
  };

  const finish = (): void => {
    if (rows === 0) throw new IngestError('no-rows', 'the file has a header but no data rows.');
    const order: DateOrder = evidence.mdy > 0 && evidence.dmy === 0 ? 'mdy' : 'dmy';
    const startName = header(startCol);
    const endName = header(endCol);
    for (const p of pending) {
      const { rec } = p;
      const s = p.start === '' ? null : parsePeriodCell(p.start, order);
      const e = p.end === null ? s : p.end === '' ? null : parsePeriodCell(p.end, order);
      if (s === null) {
        rowIssue(
          ctx,
          'error',
          'bad-date',
          rec.row,
          `${startName} "${clip(p.start)}" is not a date (use YYYY-MM-DD).`,
          startName,
        );
      }
      if (e === null && p.end !== null) {
        rowIssue(
          ctx,
          'error',
          'bad-date',
          rec.row,
          `${endName} "${clip(p.end)}" is not a date (use YYYY-MM-DD).`,
          endName,
        );
      }
      if (s === null || e === null) continue;
      rec.periodStart = s.start;
      rec.periodEnd = e.end;
      if (rec.periodEnd < rec.periodStart) {
        rowIssue(
          ctx,
          'error',
          'period-reversed',
          rec.row,
          `the period ends (${rec.periodEnd}) before it starts (${rec.periodStart}).`,
          endName,
        );
        continue;
      }
      addUsage(ctx, rec);
    }
    if (ignoredTeam > 0) {
      fileIssue(
        ctx,
        'warning',
        'team-column-ignored',
        `${ignoredTeam} row(s) name a person and a team_manager_id; they were read as person rows and the team column was not used.`,
      );
    }
  };

  return { onRow, finish };
}
