import { cliActor } from './org-option';
import { getMetricsContract } from '@/lib/dal/metrics-contract';
import { NotFoundError } from '@/lib/dal/errors';
import { isIsoDate } from '@/lib/ingest/as-of';
import { CliUsageError, printResult } from './common';

/** Usage checks that need no database. */
export function checkMetricsArgs(v: { 'as-of'?: string; department?: string; subtree?: string }): void {
  if (v['as-of'] !== undefined && !isIsoDate(v['as-of']))
    throw new CliUsageError('--as-of takes a real date as YYYY-MM-DD.');
  if (v.department && v.subtree) throw new CliUsageError('Use --department or --subtree, not both.');
}

/** `metrics [--as-of] [--department] [--subtree] [--json]`: the SPEC contract for one snapshot. */
export async function runMetrics(v: {
  'as-of'?: string;
  department?: string;
  subtree?: string;
  json?: boolean;
  org?: string;
}): Promise<number> {
  checkMetricsArgs(v);
  try {
    const m = await getMetricsContract(await cliActor(v.org), {
      asOf: v['as-of'],
      department: v.department,
      subtree: v.subtree,
    });
    const human = [
      `as of ${m.asOf}${v.department ? `, department ${v.department}` : ''}${v.subtree ? `, subtree of ${v.subtree}` : ''}`,
      `headcount ${m.headcount}, managers ${m.managers}, ICs ${m.ics}, depth ${m.depth}, management layers ${m.managementLayers}`,
      `span mean ${m.span.mean} median ${m.span.median} p10 ${m.span.p10} p90 ${m.span.p90}`,
      `middle managers ${m.middleManagers}, roots ${m.roots}, orphans ${m.orphans}`,
    ].join('\n');
    printResult(!!v.json, m, human);
    return 0;
  } catch (err) {
    if (err instanceof NotFoundError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
