/**
 * Seat listings -> AiSeatRecord: GitHub Copilot GET /orgs/{org}/copilot/billing/seats
 * ({total_seats, seats[]}; plan_type business = 19 USD/month, enterprise = 39) and Cursor
 * GET /teams/members (every member and owner holds a paid seat; 'free-owner' admins do not).
 * asOf = the newest date seen in the listing, else the import date.
 */
import type { AiSeatRecord } from './types';
import { fileIssue, rowIssue, type FileContext } from './context';
import { arrayAt, dayOf, isRecord, numberAt, recordAt, textAt, type JsonRecord } from './json-values';

/** Copilot list prices per seat and month (USD). */
export const COPILOT_PLAN_PRICES: Readonly<Record<string, number>> = { business: 19, enterprise: 39 };

function newest(days: Array<string | null>): string | null {
  let best: string | null = null;
  for (const d of days) if (d !== null && (best === null || d > best)) best = d;
  return best;
}

/** One Copilot seat listing (or one page of it). */
export function readCopilotSeats(ctx: FileContext, doc: JsonRecord): void {
  const total = numberAt(doc, 'total_seats');
  if (total !== null && !Number.isNaN(total)) ctx.declaredSeats = Math.max(ctx.declaredSeats ?? 0, total);
  const seats: AiSeatRecord[] = [];
  const dates: Array<string | null> = [];
  arrayAt(doc, 'seats').forEach((seat, i) => {
    const row = i + 1;
    if (!isRecord(seat)) return;
    const assignee = recordAt(seat, 'assignee');
    const login = assignee === null ? null : textAt(assignee, 'login');
    if (login === null) {
      rowIssue(
        ctx,
        'warning',
        'seat-without-user',
        row,
        'the seat has no assignee login; skipped.',
        'assignee.login',
      );
      return;
    }
    const plan = textAt(seat, 'plan_type');
    const assignedAt = dayOf(seat.created_at);
    const lastActivityAt = dayOf(seat.last_activity_at);
    dates.push(assignedAt, lastActivityAt, dayOf(seat.updated_at));
    seats.push({
      file: ctx.file,
      row,
      tool: 'copilot',
      githubLogin: login,
      email: null,
      assignedAt,
      lastActivityAt,
      plan,
      monthlyCostUsd: plan === null ? null : (COPILOT_PLAN_PRICES[plan.toLowerCase()] ?? null),
      asOf: null,
    });
  });
  const asOf = newest(dates) ?? ctx.today;
  for (const s of seats) ctx.seats.push({ ...s, asOf });
  if (seats.some((s) => s.plan === null)) {
    fileIssue(
      ctx,
      'warning',
      'seat-plan-unknown',
      'some seats have no plan_type, so their monthly cost is unknown (business = 19 USD, enterprise = 39 USD).',
    );
  }
}

/** Cursor team members -> seats (identified by email). */
export function readCursorMembers(ctx: FileContext, doc: JsonRecord): void {
  let free = 0;
  arrayAt(doc, 'teamMembers').forEach((m, i) => {
    const row = i + 1;
    if (!isRecord(m)) return;
    const email = textAt(m, 'email');
    if (email === null) {
      rowIssue(ctx, 'warning', 'seat-without-user', row, 'the member has no email; skipped.', 'email');
      return;
    }
    const role = textAt(m, 'role');
    if (role === 'free-owner') {
      free += 1;
      return;
    }
    ctx.seats.push({
      file: ctx.file,
      row,
      tool: 'cursor',
      githubLogin: null,
      email,
      assignedAt: null,
      lastActivityAt: null,
      plan: null,
      monthlyCostUsd: null,
      asOf: ctx.today,
    });
  });
  if (free > 0) {
    fileIssue(
      ctx,
      'warning',
      'free-owner-skipped',
      `${free} 'free-owner' admin(s) hold no paid seat and were not counted as seats.`,
    );
  }
}
