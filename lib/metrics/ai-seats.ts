/**
 * Seat utilisation of AI tools (SPEC "AI productivity"). Pure.
 * A seat is idle when it shows no activity in the 30 days before the listing date (no last
 * activity at all, or last activity more than 30 days before it); otherwise it is active.
 * Costs are monthly list prices; seats whose price is unknown are counted, not priced.
 */
import { daysInclusive } from '@/lib/metrics/ai';

export const IDLE_AFTER_DAYS = 30;

export interface SeatRow {
  tool: string;
  githubLogin: string | null;
  email: string | null;
  assignedAt: string | null;
  lastActivityAt: string | null;
  plan: string | null;
  monthlyCostUsd: number | null;
  /** the listing date */
  asOf: string;
}

export interface SeatUtilisation {
  assigned: number;
  active: number;
  idle: number;
  /** monthly cost of all priced seats, and of the idle ones */
  monthlyCostUsd: number | null;
  idleMonthlyCostUsd: number | null;
  /** seats without a known price */
  unpriced: number;
  /** idle / assigned */
  idleShare: number | null;
}

/** True when the seat shows no activity in the 30 days before its listing date. */
export function isIdleSeat(s: SeatRow): boolean {
  if (!s.lastActivityAt) return true;
  if (s.lastActivityAt > s.asOf) return false;
  return daysInclusive(s.lastActivityAt, s.asOf) - 1 > IDLE_AFTER_DAYS;
}

/** Keeps one seat per tool and identity (listings repeat people), the most recently active. */
export function dedupeSeats<T extends SeatRow>(seats: readonly T[]): T[] {
  const best = new Map<string, T>();
  for (const s of seats) {
    const who = (s.githubLogin ?? s.email ?? '').trim().toLowerCase();
    const key = `${s.tool}|${who}`;
    const prev = best.get(key);
    if (!prev || (s.lastActivityAt ?? '') > (prev.lastActivityAt ?? '')) best.set(key, s);
  }
  return [...best.values()];
}

/** Counts and costs of a set of seats. */
export function computeSeatUtilisation(seats: readonly SeatRow[]): SeatUtilisation {
  let idle = 0;
  let cost = 0;
  let idleCost = 0;
  let priced = 0;
  for (const s of seats) {
    const isIdle = isIdleSeat(s);
    if (isIdle) idle++;
    if (s.monthlyCostUsd !== null) {
      priced++;
      cost += s.monthlyCostUsd;
      if (isIdle) idleCost += s.monthlyCostUsd;
    }
  }
  const r2 = (v: number) => Math.round(v * 100) / 100;
  return {
    assigned: seats.length,
    active: seats.length - idle,
    idle,
    monthlyCostUsd: priced > 0 ? r2(cost) : null,
    idleMonthlyCostUsd: priced > 0 ? r2(idleCost) : null,
    unpriced: seats.length - priced,
    idleShare: seats.length > 0 ? Math.round((idle / seats.length) * 10000) / 10000 : null,
  };
}

/** Days from the seat's last activity to its listing date (null when it never showed activity). */
export function daysSinceActivity(s: SeatRow): number | null {
  if (!s.lastActivityAt) return null;
  return Math.max(0, daysInclusive(s.lastActivityAt, s.asOf) - 1);
}
