/**
 * Which AI dashboard views the AI benchmark asks for (pure, seeded): a manager's subtree and a
 * period of the imported year, every pair distinct, so no answer comes from the answer cache.
 * Periods: a calendar month (half of the views), a quarter of three whole months (when the data
 * spans three), or an arbitrary window of 2 to 8 weeks (days that need not start or end a month).
 */
import { createRng } from '@/cli/demo/prng';
import { familyPath } from '@/lib/query/families';

export type AiPeriod = { month: string } | { from: string; to: string };

export interface AiView {
  manager: string;
  period: AiPeriod;
}

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const monthEnd = (m: string) => iso(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0));

/** The request the AI dashboard makes for the view. */
export function aiViewUrl(v: AiView): string {
  const q = new URLSearchParams({ subtree: v.manager });
  if ('month' in v.period) q.set('month', v.period.month);
  else {
    q.set('from', v.period.from);
    q.set('to', v.period.to);
  }
  return `${familyPath('ai')}?${q.toString()}`;
}

/**
 * `count` distinct views over `managers` (employee ids) and the data's `months` (YYYY-MM, oldest
 * first; windows stay inside [first day of the first month, `lastDay`]). Throws when there are
 * too few managers or months.
 */
export function planAiViews(opts: {
  managers: readonly string[];
  months: readonly string[];
  lastDay: string;
  count: number;
  seed: number;
}): AiView[] {
  const { managers, months } = opts;
  if (managers.length === 0 || months.length === 0) throw new Error('too few managers or months to plan');
  const rng = createRng(opts.seed);
  const firstMs = Date.parse(`${months[0]}-01T00:00:00Z`);
  const lastMs = Date.parse(`${opts.lastDay}T00:00:00Z`);
  const seen = new Set<string>();
  const out: AiView[] = [];
  for (let attempt = 0; out.length < opts.count; attempt++) {
    if (attempt > opts.count * 100) throw new Error(`too few managers for ${opts.count} distinct views`);
    const manager = managers[rng.int(managers.length)] ?? '';
    const kind = rng.next();
    let period: AiPeriod;
    if (kind < 0.5) period = { month: months[rng.int(months.length)] ?? '' };
    else if (kind < 0.75 && months.length >= 3) {
      const i = rng.int(months.length - 2);
      period = { from: `${months[i]}-01`, to: monthEnd(months[i + 2] ?? '') };
    } else {
      const days = 14 + rng.int(43);
      const span = Math.max(0, Math.floor((lastMs - firstMs) / DAY_MS) - days);
      const from = firstMs + rng.int(span + 1) * DAY_MS;
      period = { from: iso(from), to: iso(from + (days - 1) * DAY_MS) };
    }
    const v = { manager, period };
    const key = aiViewUrl(v);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}
