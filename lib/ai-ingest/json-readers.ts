/**
 * Routes parsed JSON values to the reader of the detected format. A value is a whole document, or
 * one NDJSON line. Report formats accept both: a line is one record, a document wraps records in
 * day_totals / user_totals (or is a bare array), and record N gets row N either way, so the NDJSON
 * and JSON-wrapped downloads of one report give identical records.
 */
import type { AiDetection } from './detection';
import { fileIssue, rowIssue, type FileContext } from './context';
import { readCopilotBilling } from './copilot-billing';
import { readLegacyMetricsDay, readLegacyUsageDay, legacyOrgKey } from './copilot-legacy';
import {
  copilotOrgKey,
  notePrGaps,
  readCopilotOrgDay,
  readCopilotUserDay,
  readCopilotUserTeam,
  readCopilotUserTotals,
  type ReportMeta,
} from './copilot-reports';
import { commitFromJson, createCommitAggregator } from './cursor-ai-code';
import { readCursorDailyUsage, readCursorSpend } from './cursor-admin';
import { readCursorByUser, readCursorTeamSeries } from './cursor-analytics';
import { arrayAt, isRecord, numberAt, type JsonRecord } from './json-values';
import { readCopilotSeats, readCursorMembers } from './seats';
import { createClaudeCodeReader, readClaudeUsers } from './claude-code';
import { readWindsurfCascade, readWindsurfCustom, readWindsurfUsers } from './windsurf';
import { createGithubReader } from './github-pulls';

/** Receives parsed values (documents or NDJSON lines). */
export interface ValueReader {
  onValue(value: unknown, row: number): void;
  finish(): void;
}

type RecordFn = (rec: JsonRecord, row: number, meta: ReportMeta) => void;

function recordStream(ctx: FileContext, onRecord: RecordFn, finish: () => void = () => {}): ValueReader {
  const each = (items: unknown[], meta: ReportMeta): void =>
    items.forEach((item, i) => {
      if (!isRecord(item)) {
        rowIssue(ctx, 'error', 'bad-record', i + 1, 'the record is not a JSON object.');
        return;
      }
      // GitHub's documented enterprise example: a bare array of report objects, each wrapping day_totals.
      const inner = ['day_totals', 'user_totals'].find((k) => Array.isArray(item[k]));
      if (inner !== undefined) each(arrayAt(item, inner), item);
      else onRecord(item, i + 1, meta);
    });
  return {
    onValue(value, row) {
      if (Array.isArray(value)) return each(value, {});
      if (!isRecord(value))
        return rowIssue(ctx, 'error', 'bad-record', row, 'the line is not a JSON object.');
      for (const key of ['day_totals', 'user_totals']) {
        if (Array.isArray(value[key])) return each(arrayAt(value, key), value);
      }
      onRecord(value, row, value);
    },
    finish,
  };
}

function documents(
  ctx: FileContext,
  onDoc: (doc: JsonRecord) => void,
  finish: () => void = () => {},
): ValueReader {
  return {
    onValue(value, row) {
      if (isRecord(value)) onDoc(value);
      else rowIssue(ctx, 'error', 'bad-record', row, 'expected a JSON object.');
    },
    finish,
  };
}

function commitsReader(ctx: FileContext): ValueReader {
  const agg = createCommitAggregator(ctx);
  return documents(
    ctx,
    (doc) => {
      const items = arrayAt(doc, 'items');
      items.forEach((item, i) => {
        if (isRecord(item)) agg.add(commitFromJson(item, i + 1));
      });
      const total = numberAt(doc, 'totalCount');
      if (total !== null && total > items.length) {
        fileIssue(
          ctx,
          'warning',
          'partial-page',
          `holds ${items.length} of ${total} commits (totalCount); upload every page for complete numbers.`,
        );
      }
    },
    agg.finish,
  );
}

/** The reader for an 'import' detection of a JSON/NDJSON file. */
export function createJsonReader(ctx: FileContext, det: AiDetection): ValueReader {
  const variant = det.variant ?? '';
  switch (det.format) {
    case 'copilot-users-report':
      return recordStream(ctx, (rec, row) => readCopilotUserDay(ctx, rec, row));
    case 'copilot-user-totals':
      return recordStream(ctx, (rec, row, meta) => readCopilotUserTotals(ctx, rec, row, meta));
    case 'copilot-org-report':
      return recordStream(
        ctx,
        (rec, row, meta) => readCopilotOrgDay(ctx, rec, row, copilotOrgKey(ctx.file, { ...meta, ...rec })),
        () => notePrGaps(ctx, ctx.usage),
      );
    case 'copilot-user-teams':
      return recordStream(ctx, (rec, row) => readCopilotUserTeam(ctx, rec, row));
    case 'copilot-legacy-metrics':
      return recordStream(ctx, (rec, row) => readLegacyMetricsDay(ctx, rec, row, legacyOrgKey(ctx.file)));
    case 'copilot-legacy-usage':
      return recordStream(ctx, (rec, row) => readLegacyUsageDay(ctx, rec, row, legacyOrgKey(ctx.file)));
    case 'copilot-seats':
      return documents(ctx, (doc) => readCopilotSeats(ctx, doc));
    case 'copilot-billing':
      return documents(ctx, (doc) => readCopilotBilling(ctx, doc));
    case 'cursor-daily-usage':
      return documents(ctx, (doc) => readCursorDailyUsage(ctx, doc));
    case 'cursor-spend':
      return documents(ctx, (doc) => readCursorSpend(ctx, doc));
    case 'cursor-members':
      return documents(ctx, (doc) => readCursorMembers(ctx, doc));
    case 'cursor-analytics':
      return documents(ctx, (doc) =>
        variant.startsWith('by-user:')
          ? readCursorByUser(ctx, doc, variant.slice('by-user:'.length))
          : readCursorTeamSeries(ctx, doc, variant.slice('team:'.length)),
      );
    case 'cursor-ai-code':
      return commitsReader(ctx);
    case 'claude-code-usage':
      return variant === 'users'
        ? documents(ctx, (doc) => readClaudeUsers(ctx, doc))
        : createClaudeCodeReader(ctx);
    case 'windsurf-analytics':
      return documents(ctx, (doc) => {
        if (variant === 'users') readWindsurfUsers(ctx, doc);
        else if (variant === 'cascade-lines') readWindsurfCascade(ctx, doc, 'lines');
        else if (variant === 'cascade-runs') readWindsurfCascade(ctx, doc, 'runs');
        else if (variant === 'autocomplete' || variant === 'chat' || variant === 'pcw')
          readWindsurfCustom(ctx, doc, variant);
      });
    case 'github-pulls':
      return createGithubReader(ctx, ctx.delivery);
    default:
      return documents(ctx, () => undefined);
  }
}
