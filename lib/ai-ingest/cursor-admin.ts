/**
 * Cursor admin API exports (people are identified by email; dates are epoch milliseconds, UTC):
 *  POST /teams/daily-usage-data -> one person row per user per day:
 *    suggestions    = totalTabsShown + totalApplies   (tab completions shown + AI edits offered to apply)
 *    acceptances    = totalTabsAccepted + totalAccepts
 *    linesSuggested = totalLinesAdded, linesAccepted = acceptedLinesAdded
 *    active         = isActive (else any request/tab/apply count > 0)
 *    agentUses      = agentRequests; extra = composer/chat/cmdk/bugbot requests, rejects, usage-based requests
 *  POST /teams/spend -> one person row per member: spendUsd = spendCents / 100 over the billing
 *    cycle starting at subscriptionCycleStart (cycle end = one month later, minus a day).
 */
import {
  addUsage,
  blankUsage,
  countAt,
  fileIssue,
  person,
  rowIssue,
  sumOrNull,
  type FileContext,
  type RowState,
} from './context';
import {
  arrayAt,
  boolAt,
  cycleEnd,
  dayOf,
  isRecord,
  numberAt,
  recordAt,
  textAt,
  type JsonRecord,
} from './json-values';

const REQUEST_COUNTS = ['composerRequests', 'chatRequests', 'agentRequests', 'cmdkUsages', 'bugbotUsages'];

const EXTRA_COUNTS: ReadonlyArray<[string, string]> = [
  ['composerRequests', 'composer_requests'],
  ['chatRequests', 'chat_requests'],
  ['cmdkUsages', 'cmdk_usages'],
  ['bugbotUsages', 'bugbot_usages'],
  ['totalRejects', 'rejects'],
  ['usageBasedReqs', 'usage_based_requests'],
];

/** POST /teams/daily-usage-data. */
export function readCursorDailyUsage(ctx: FileContext, doc: JsonRecord): void {
  arrayAt(doc, 'data').forEach((item, i) => {
    const row = i + 1;
    if (!isRecord(item)) return;
    const email = textAt(item, 'email');
    if (email === null) {
      rowIssue(ctx, 'error', 'missing-subject', row, 'email is missing.', 'email');
      return;
    }
    const day = dayOf(item.date);
    const state: RowState = { bad: false };
    if (day === null) {
      state.bad = true;
      rowIssue(
        ctx,
        'error',
        'bad-date',
        row,
        `date ${JSON.stringify(item.date ?? null)} is not a date (epoch milliseconds).`,
        'date',
      );
    }
    const c = (key: string) => countAt(ctx, state, item, key, row);
    const rec = blankUsage(ctx, row, 'cursor', day ?? '', day ?? '', person({ email }));
    const tabsShown = c('totalTabsShown');
    const tabsAccepted = c('totalTabsAccepted');
    const applies = c('totalApplies');
    const accepts = c('totalAccepts');
    rec.suggestions = sumOrNull(tabsShown, applies);
    rec.acceptances = sumOrNull(tabsAccepted, accepts);
    rec.linesSuggested = c('totalLinesAdded');
    rec.linesAccepted = c('acceptedLinesAdded');
    const requests = REQUEST_COUNTS.map(c);
    // Agent use = agent requests; the other request kinds and rejects are kept by name.
    rec.agentUses = c('agentRequests');
    const extra: Record<string, number> = {};
    for (const [key, name] of EXTRA_COUNTS) {
      const v = c(key);
      if (v !== null) extra[name] = v;
    }
    rec.extra = Object.keys(extra).length > 0 ? extra : null;
    if (state.bad) return;
    const isActive = boolAt(item, 'isActive');
    const counts = [rec.suggestions, rec.acceptances, rec.linesAccepted, ...requests].filter(
      (x): x is number => x !== null,
    );
    rec.active = isActive ?? (counts.length === 0 ? null : counts.some((x) => x > 0));
    addUsage(ctx, rec);
  });
}

/** POST /teams/spend. */
export function readCursorSpend(ctx: FileContext, doc: JsonRecord): void {
  const start = dayOf(doc.subscriptionCycleStart);
  if (start === null) {
    fileIssue(
      ctx,
      'error',
      'missing-period',
      'subscriptionCycleStart is missing or not a date; the spend cannot be dated.',
    );
    return;
  }
  const end = cycleEnd(start);
  const members = arrayAt(doc, 'teamMemberSpend');
  members.forEach((m, i) => {
    const row = i + 1;
    if (!isRecord(m)) return;
    const email = textAt(m, 'email');
    if (email === null) {
      rowIssue(ctx, 'error', 'missing-subject', row, 'email is missing.', 'email');
      return;
    }
    const state: RowState = { bad: false };
    const cents = countAt(ctx, state, m, 'spendCents', row);
    const premium = countAt(ctx, state, m, 'fastPremiumRequests', row);
    if (state.bad) return;
    const rec = blankUsage(ctx, row, 'cursor', start, end, person({ email }));
    rec.spendUsd = cents === null ? null : cents / 100;
    rec.active = (premium ?? 0) > 0 || (cents ?? 0) > 0 ? true : null;
    addUsage(ctx, rec);
  });
  const total = numberAt(doc, 'totalMembers');
  if (total !== null && !Number.isNaN(total) && total > members.length) {
    fileIssue(
      ctx,
      'warning',
      'partial-listing',
      `lists spend for ${members.length} of ${total} team members (totalMembers); members not listed get no spend row. Upload every page.`,
    );
  }
}

/** Warn when a paginated export says more pages follow. */
export function notePagination(ctx: FileContext, doc: JsonRecord): void {
  const p = recordAt(doc, 'pagination');
  if (p === null || boolAt(p, 'hasNextPage') !== true) return;
  const page = numberAt(p, 'page') ?? numberAt(p, 'currentPage');
  const pages = numberAt(p, 'totalPages') ?? numberAt(p, 'numPages');
  fileIssue(
    ctx,
    'warning',
    'partial-page',
    `this is page ${page ?? '?'} of ${pages ?? 'several'}; only this page was imported. Upload every page for complete numbers.`,
  );
}

/**
 * What a Cursor usage-events page holds, in words, for the warning that says why it is not imported:
 * events, their UTC days (timestamp is epoch milliseconds, often as a string) and the token-based
 * cost (tokenUsage.totalCents, cents with float noise, rounded to the cent).
 */
export function usageEventsSummary(doc: JsonRecord): string {
  const events = arrayAt(doc, 'usageEvents').filter(isRecord);
  let cents = 0;
  let first: string | null = null;
  let last: string | null = null;
  for (const e of events) {
    const day = dayOf(e.timestamp);
    if (day !== null && (first === null || day < first)) first = day;
    if (day !== null && (last === null || day > last)) last = day;
    const usage = recordAt(e, 'tokenUsage');
    const c = usage === null ? null : numberAt(usage, 'totalCents');
    if (c !== null && Number.isFinite(c)) cents += c;
  }
  const days = first === null ? '' : first === last ? `, ${first}` : `, ${first}..${last}`;
  return `${events.length} event(s)${days}, $${(Math.round(cents) / 100).toFixed(2)} token-based cost`;
}
