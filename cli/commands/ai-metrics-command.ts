import { cliActor } from './org-option';
import { getAiMetricsContract } from '@/lib/dal/ai-contract';
import { NotFoundError } from '@/lib/dal/errors';
import { CliUsageError, printResult } from './common';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);
const val = (v: number | null, prefix = '') => (v === null ? 'n/a' : `${prefix}${v}`);

/** Usage errors of `ai-metrics` (exit 2), checked before the database is opened. */
export function checkAiMetricsArgs(v: { from?: string; to?: string }): void {
  if ((v.from === undefined) !== (v.to === undefined))
    throw new CliUsageError('Use --from and --to together.');
  for (const d of [v.from, v.to])
    if (d !== undefined && !DAY.test(d)) throw new CliUsageError('--from/--to take YYYY-MM-DD.');
  if (v.from && v.to && v.to < v.from) throw new CliUsageError('--to is before --from.');
}

/** `ai-metrics [--from DATE --to DATE] [--subtree ID] [--department NAME] [--json]`: exit 0, 1 when there is nothing to measure. */
export async function runAiMetrics(v: {
  from?: string;
  to?: string;
  subtree?: string;
  department?: string;
  json?: boolean;
  org?: string;
}): Promise<number> {
  checkAiMetricsArgs(v);
  try {
    const { window, contract: m } = await getAiMetricsContract(await cliActor(v.org), {
      from: v.from,
      to: v.to,
      subtree: v.subtree,
      department: v.department,
    });
    const human = [
      `AI usage ${window.from} to ${window.to}${v.subtree ? `, subtree of ${v.subtree}` : ''}${v.department ? `, department ${v.department}` : ''}`,
      `adoption ${pct(m.adoption)}, acceptance ${pct(m.acceptanceRateByCount)} by count, ${pct(m.acceptanceRateByLines)} by lines`,
      `AI-assisted PRs ${pct(m.aiAssistedPrShare)}, throughput ${val(m.throughputPerEngineerWeek)} PRs/engineer/week`,
      `spend ${val(m.spendPerEngineerMonth, '$')}/engineer/month, ${val(m.costPerMergedPr, '$')}/merged PR`,
      `not joined to an employee: ${pct(m.unmatchedShare)} of AI-active users`,
      `pull requests: ${val(m.delivery.prsMerged)} merged, ${val(m.delivery.prsPerEngineerWeek)}/engineer/week, median cycle ${val(m.delivery.medianCycleTimeHours)} h`,
      ...(['users', 'nonUsers'] as const).map((k) => {
        const g = m.usersVsNonUsers[k];
        return `${k === 'users' ? 'AI users' : 'non-users'}: ${val(g.engineers)} engineers, ${val(g.prsPerEngineerWeek)} PRs/engineer/week, median cycle ${val(g.medianCycleTimeHours)} h`;
      }),
      ...Object.entries(m.byTool).map(
        ([tool, t]) =>
          `${tool}: ${val(t.activeUsers)} active users, ${val(t.linesAddedByAi)} AI lines, AI share of code ${pct(t.aiShareOfCode)}, ${val(t.spendUsd, '$')} spend, ${val(t.costPerMergedPr, '$')}/merged PR`,
      ),
      ...(m.suppressed.length > 0
        ? [`suppressed (group under the minimum size): ${m.suppressed.join(', ')}`]
        : []),
      m.headline,
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
