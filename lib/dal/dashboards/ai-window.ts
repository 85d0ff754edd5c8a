import 'server-only';
import { z } from 'zod';
import { monthEnd, monthWindow, type AiWindow } from '@/lib/views/ai-window';
import { ValidationError } from '../errors';

export {
  aiUnitNodes,
  managersIn,
  monthEnd,
  monthWindow,
  windowLabel,
  type AiWindow,
  type UnitSpec,
} from '@/lib/views/ai-window';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are YYYY-MM-DD.');
export const aiWindowSchema = z.object({
  from: day.optional(),
  to: day.optional(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'month is YYYY-MM.')
    .optional(),
});

/**
 * The period asked for: ?from=&to= (both), else ?month=, else the newest month with AI data at or
 * before the month of the selected snapshot (else the newest month with data). null = no data.
 */
export function resolveAiWindow(
  params: { get(name: string): string | null },
  months: readonly string[],
  asOf: string | null,
): AiWindow | null {
  const r = aiWindowSchema.safeParse({
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    month: params.get('month') || undefined,
  });
  if (!r.success) throw new ValidationError(r.error.issues[0]?.message ?? 'Invalid period.');
  const { from, to, month } = r.data;
  if (from || to) {
    if (!from || !to) throw new ValidationError('Give both from and to, or neither.');
    if (to < from) throw new ValidationError('The period ends before it starts.');
    const whole = from.endsWith('-01') && to === monthEnd(from.slice(0, 7));
    return { from, to, month: whole ? from.slice(0, 7) : null };
  }
  if (month) return monthWindow(month);
  if (months.length === 0) return null;
  const cap = asOf ? asOf.slice(0, 7) : null;
  const pick = (cap ? [...months].reverse().find((m) => m <= cap) : undefined) ?? months[months.length - 1];
  return pick ? monthWindow(pick) : null;
}
