'use client';

import { hiddenPairText } from '@/lib/privacy/hidden-text';
import { toolName } from '@/lib/ai-tool-names';
import { formatDay, formatDaysIn } from '@/lib/dates';
import { costHeading, formatCost, type CostUnit } from '@/lib/cost-format';
import type { AiPayoff, AiPayoffView, PayoffManagerRow } from '@/lib/dal/dashboards/ai';
import type { DeliveryFigures, StructureRow } from '@/lib/metrics/ai-delivery';
import type { ToolEntry } from '@/lib/views/ai-payoff';
import { ChartCard } from '@/app/_components/charts/chart-card';
import { SimpleBarChart } from '@/app/_components/charts/bar-chart';
import { formatValue } from '@/app/_components/charts/value-format';
import { TableCard, type TableColumn } from '@/app/_components/ui/table-card';
import styles from './ai.module.css';

const pct = (v: number | null | undefined) => formatValue(v ?? null, 'percent');
const usd = (v: number | null | undefined) => formatValue(v ?? null, 'usd');
const dec = (v: number | null | undefined) => formatValue(v ?? null, 'decimal');
const IN_PERIOD: CostUnit = { currency: 'USD', period: 'period' };
const PER_ENGINEER_MONTH: CostUnit = { currency: 'USD', per: 'engineer', period: 'month' };
const SPEND_HEAD = costHeading('AI spend', PER_ENGINEER_MONTH);

/** The answer to "is AI paying off here?": headline, caveat, users vs non-users, before/after. */
export function PayoffAnswer({ p, filename }: { p: AiPayoffView; filename: string }) {
  const u = p.unit;
  // the unit's figures: the same as the tiles, the contract and the report (lib/views/ai-figures.ts)
  const f = p.figures;
  const groups: Array<{ group: string; f: DeliveryFigures | null }> = [
    { group: 'AI users', f: u?.usersVsNonUsers.users ?? null },
    { group: 'Non-users', f: u?.usersVsNonUsers.nonUsers ?? null },
  ];
  const rows = groups.map(({ group, f }) => ({
    group,
    engineers: f?.engineers ?? null,
    prsPerEngineerWeek: f?.prsPerEngineerWeek ?? null,
    medianCycleTimeHours: f?.medianCycleTimeHours ?? null,
  }));
  const shown = groups.every((g) => g.f !== null);
  const why = !p.hasPersonUsage
    ? 'no per-user AI usage for the period'
    : p.suppressedFigures.includes('usersVsNonUsers.users')
      ? `hidden: ${hiddenPairText(p.minGroupSize, 'engineers')}`
      : 'no pull-request data for the period';
  const ba = p.beforeAfter;
  return (
    <>
      <section className={`card ${styles.answer}`} aria-labelledby="ai-payoff-title" data-testid="ai-payoff">
        <h2 id="ai-payoff-title">Is AI paying off here?</h2>
        <p className={styles.headline} data-testid="ai-headline">
          {formatDaysIn(p.headline)}
        </p>
        <p className="muted" data-testid="ai-caveat">
          {formatDaysIn(p.caveat)}
        </p>
        <div className={styles.answerGrid}>
          <div>
            <h3 className={styles.tableTitle}>
              AI users against non-users, {formatDay(p.period.from)} to {formatDay(p.period.to)}
            </h3>
            <div className="table-wrap" tabIndex={0}>
              <table className="data">
                <caption className="visually-hidden">
                  AI users against non-users, {formatDay(p.period.from)} to {formatDay(p.period.to)}
                </caption>
                <DeliveryHead first="Group" engineers />
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.group}>
                      <th scope="row">{r.group}</th>
                      {shown ? (
                        <>
                          <td className="num">{formatValue(r.engineers, 'int')}</td>
                          <td className="num">{dec(r.prsPerEngineerWeek)}</td>
                          <td className="num">{dec(r.medianCycleTimeHours)}</td>
                        </>
                      ) : (
                        [1, 2, 3].map((k) => (
                          <td key={k} className="num">
                            —
                          </td>
                        ))
                      )}
                    </tr>
                  ))}
                  {f && (
                    <tr>
                      <th scope="row">All engineers</th>
                      <td className="num">{formatValue(f.engineers, 'int')}</td>
                      <td className="num">{dec(f.prsPerEngineerWeek)}</td>
                      <td className="num">{dec(f.medianCycleTimeHours)}</td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
            {!shown && (
              // under the table, not in a cell as wide as the table: a phone reads it without scrolling
              <p className="muted" data-testid="ai-payoff-why">
                — : {why}.
              </p>
            )}
          </div>
          <div>
            <h3 className={styles.tableTitle}>
              Before and after adoption
              {ba?.adoptionWeek ? ` (week of ${formatDay(ba.adoptionWeek)})` : ''}
            </h3>
            {ba?.before && ba.after ? (
              <div className="table-wrap" tabIndex={0} data-testid="ai-before-after">
                <table className="data">
                  <caption className="visually-hidden">
                    Before and after adoption
                    {ba?.adoptionWeek ? ` (week of ${formatDay(ba.adoptionWeek)})` : ''}
                  </caption>
                  <DeliveryHead first="Window" />
                  <tbody>
                    {[
                      {
                        label: `Before: ${formatDay(ba.before.from)} to ${formatDay(ba.before.to)}`,
                        w: ba.before,
                      },
                      {
                        label: `After: ${formatDay(ba.after.from)} to ${formatDay(ba.after.to)}`,
                        w: ba.after,
                      },
                    ].map(({ label, w }) => (
                      <tr key={label}>
                        <th scope="row">{label}</th>
                        <td className="num">{dec(w.prsPerEngineerWeek)}</td>
                        <td className="num">{dec(w.medianCycleTimeHours)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="muted" data-testid="ai-before-after">
                {ba?.missing ?? 'No comparison for this unit.'}
              </p>
            )}
          </div>
        </div>
        <details className={styles.evidence}>
          <summary>How these figures are worked out</summary>
          <ul>
            <li>
              Engineers: people of this unit with a GitHub login or another AI-tool identity. AI users: those
              active in any AI tool in the period; non-users: the others.
            </li>
            <li>
              PRs / engineer / week = PRs merged in the period by the group / engineers / (period days / 7).
              Cycle time = merged minus created, in hours, median over the group&apos;s PRs merged in the
              period. &ldquo;Unchanged&rdquo; = within 5%.
            </li>
            <li>
              Adoption week: the first week in which at least half of the unit&apos;s engineers were
              AI-active; before and after compare equal windows of whole weeks (at most 8) on each side.
            </li>
            <li>
              Cost: usage spend of every report (per person, per team, and for the whole organisation its
              organisation-wide reports) plus seats in force (monthly price x months of the period); the same
              figures as the tiles above, the tool table and the report. A group under the minimum group size
              is hidden, and so is its complement.
            </li>
            {f && (
              <li>
                {formatValue(f.prsMerged, 'int')} PRs merged by these engineers; {pct(f.aiAssistedPrShare)}{' '}
                AI-assisted; AI spend {formatCost(f.spendUsd, { currency: 'USD', period: 'period' })} (
                {formatCost(f.spendPerEngineerMonth, PER_ENGINEER_MONTH)};{' '}
                {formatCost(f.costPerMergedPr, { currency: 'USD', per: 'merged PR' })}).
              </li>
            )}
          </ul>
          {p.notes.map((n) => (
            <p key={n} className="muted">
              {formatDaysIn(n)}
            </p>
          ))}
        </details>
      </section>
      {shown && p.hasPrData && (
        <ChartCard
          title="PRs per engineer per week: AI users and non-users"
          definition="PRs merged in the period per engineer per week, for engineers active in any AI tool and for the others; with each group's number of engineers and median cycle time."
          rows={rows}
          filename={`${filename}-users-vs-non-users`}
          columns={[
            { key: 'group', label: 'Group', value: (r) => r.group },
            { key: 'engineers', label: 'Engineers', value: (r) => r.engineers, numeric: true },
            { key: 'tp', label: 'PRs / engineer / week', value: (r) => r.prsPerEngineerWeek, numeric: true },
            {
              key: 'ct',
              label: 'Median cycle time (h)',
              value: (r) => r.medianCycleTimeHours,
              numeric: true,
            },
          ]}
          bodyHeight={220}
        >
          <SimpleBarChart
            data={rows}
            x="group"
            layout="vertical"
            everyTick
            series={[{ key: 'prsPerEngineerWeek', label: 'PRs / engineer / week' }]}
          />
        </ChartCard>
      )}
    </>
  );
}

const toolColumns: TableColumn<ToolEntry>[] = [
  { key: 'tool', label: 'Tool', value: (t) => toolName(t.tool) },
  ...(
    [
      ['activeUsers', 'Active users', 'int'],
      ['adoption', 'Adoption', 'percent'],
      ['activeDaysPerUser', 'Active days / user', 'decimal'],
      ['linesAddedByAi', 'Lines added by AI', 'int'],
      ['aiShareOfCode', 'AI share of code', 'percent'],
      ['agentUses', 'Agent uses', 'int'],
      ['aiCredits', 'AI credits', 'decimal'],
      ['seatCostUsd', costHeading('Seats', IN_PERIOD), 'usd'],
      ['usageSpendUsd', costHeading('Usage', IN_PERIOD), 'usd'],
      ['reportSpendUsd', costHeading('Team and org reports', IN_PERIOD), 'usd'],
      ['spendUsd', costHeading('Cost', IN_PERIOD), 'usd'],
      ['costPerMergedPr', costHeading('Cost', { currency: 'USD', per: 'merged PR' }), 'usd'],
    ] as const
  ).map(([key, label, format]): TableColumn<ToolEntry> => ({
    key,
    label,
    numeric: true,
    value: (t) => ('suppressed' in t ? null : t[key]),
    display: (t) =>
      'suppressed' in t ? (key === 'activeUsers' ? 'hidden' : '—') : formatValue(t[key], format),
  })),
];

/**
 * The table's totals line: the unit's AI spend and cost per merged PR, the very figures of the tiles
 * (lib/views/ai-figures.ts), which the rows add up to; the spend of hidden tool rows is named.
 */
export function toolTotals(p: AiPayoff): string | undefined {
  const f = p.figures;
  if (!f || f.spendUsd === null) return undefined;
  const other =
    p.spendNotByToolUsd !== null && Math.abs(p.spendNotByToolUsd) >= 0.005
      ? `, of which ${usd(p.spendNotByToolUsd)} for tools whose rows are hidden (too few users)`
      : '';
  return `All tools: AI spend ${usd(f.spendUsd)}${other}; cost per merged PR ${usd(f.costPerMergedPr)} (${formatValue(f.prsForCost, 'int')} PRs merged).`;
}

/** Per-tool adoption, activity, AI lines, AI share of code, agent use and cost. */
export function ToolTable({
  tools,
  filename,
  intro,
  totals,
}: {
  tools: ToolEntry[];
  filename: string;
  intro?: string;
  totals?: string;
}) {
  return (
    <TableCard
      title="AI tools"
      testId="ai-tools"
      intro={`${
        intro ??
        "One row per tool; the rows add up to the AI spend. Adoption = active users / engineers; AI share of code = lines added by AI / all lines added, where the tool reports all lines; AI credits: — where the tool reports none; cost = seats in force + the tool's usage + its team and organisation reports (a report restating people's use is never counted twice); cost per merged PR = cost / PRs merged. A tool with fewer users than the minimum group size shows no figures."
      }${totals ? ` ${totals}` : ''}`}
      rows={tools}
      columns={toolColumns}
      filename={`${filename}-tools`}
      empty="No tool reported usage or seats in this period."
    />
  );
}

const structureColumns = (label: string): TableColumn<StructureRow>[] => [
  { key: 'key', label, value: (r) => r.key },
  { key: 'engineers', label: 'Engineers', value: (r) => (r.figures ? r.engineers : null), numeric: true },
  {
    key: 'adoption',
    label: 'Adoption',
    value: (r) => r.figures?.adoption ?? null,
    display: (r) => (r.figures ? pct(r.figures.adoption) : 'hidden'),
    numeric: true,
  },
  {
    key: 'tp',
    label: 'PRs / engineer / week',
    value: (r) => r.figures?.prsPerEngineerWeek ?? null,
    numeric: true,
  },
  {
    key: 'spend',
    label: SPEND_HEAD,
    value: (r) => r.figures?.spendPerEngineerMonth ?? null,
    display: (r) => usd(r.figures?.spendPerEngineerMonth),
    numeric: true,
  },
];

const LEVEL_LABEL: Record<string, string> = {
  executive: 'Executive',
  managerOfManagers: 'Manager of managers',
  managerOfIcs: 'Manager of ICs',
  ic: 'IC',
};

const managerColumns: TableColumn<PayoffManagerRow>[] = [
  { key: 'name', label: 'Manager', value: (r) => r.name ?? r.id },
  { key: 'id', label: 'Employee ID', value: (r) => r.id },
  { key: 'span', label: 'Span', value: (r) => r.span, numeric: true },
  { key: 'layer', label: 'Layer', value: (r) => r.layer, numeric: true },
  { key: 'engineers', label: 'Engineers', value: (r) => (r.figures ? r.engineers : null), numeric: true },
  {
    key: 'adoption',
    label: 'Adoption',
    value: (r) => r.figures?.adoption ?? null,
    display: (r) => (r.figures ? pct(r.figures.adoption) : 'hidden'),
    numeric: true,
  },
  {
    key: 'tp',
    label: 'PRs / engineer / week',
    value: (r) => r.figures?.prsPerEngineerWeek ?? null,
    numeric: true,
  },
  {
    key: 'spend',
    label: SPEND_HEAD,
    value: (r) => r.figures?.spendPerEngineerMonth ?? null,
    display: (r) => usd(r.figures?.spendPerEngineerMonth),
    numeric: true,
  },
];

/** AI against structure: by layer, managerial level and span band, and per manager (one click away). */
export function PayoffStructure({ p, filename }: { p: AiPayoffView; filename: string }) {
  const s = p.structure;
  if (!s) return null;
  const layerRows = s.byLayer.filter((r) => r.figures);
  return (
    <details className={`card ${styles.evidence}`} data-testid="ai-structure">
      <summary>
        <strong>AI against structure</strong>: adoption, throughput and AI spend per engineer by layer,
        managerial level and span band, and per manager beside their span and layer
      </summary>
      {layerRows.length > 0 && (
        <ChartCard
          title="Adoption by layer"
          definition="Share of the engineers at each layer who were active in any AI tool in the period. Hidden layers are left out."
          rows={layerRows}
          filename={`${filename}-adoption-by-layer`}
          columns={structureColumns('Layer')}
          bodyHeight={220}
        >
          <SimpleBarChart
            data={layerRows.map((r) => ({ layer: `Layer ${r.key}`, adoption: r.figures?.adoption ?? 0 }))}
            x="layer"
            everyTick
            valueFormat={(v) => formatValue(v, 'percent', true)}
            series={[{ key: 'adoption', label: 'Adoption' }]}
          />
        </ChartCard>
      )}
      <TableCard
        title="By layer"
        headingLevel={3}
        rows={s.byLayer}
        columns={structureColumns('Layer')}
        filename={`${filename}-by-layer`}
      />
      <TableCard
        title="By managerial level"
        headingLevel={3}
        rows={s.byLevel.map((r) => ({ ...r, key: LEVEL_LABEL[r.key] ?? r.key }))}
        columns={structureColumns('Level')}
        filename={`${filename}-by-level`}
      />
      <TableCard
        title="By span band of the team"
        headingLevel={3}
        intro="Engineers grouped by their own manager's span (the size of the team they sit in), in the bands of the Structure page."
        rows={s.bySpanBand}
        columns={structureColumns('Span band')}
        filename={`${filename}-by-span-band`}
      />
      <TableCard
        title="Per manager"
        headingLevel={3}
        testId="ai-payoff-managers"
        intro={
          p.unnamedManagers > 0
            ? `${p.unnamedManagers} smaller team${p.unnamedManagers === 1 ? ' is' : 's are'} not listed by name.`
            : undefined
        }
        rows={p.managers}
        columns={managerColumns}
        filename={`${filename}-per-manager`}
        empty="No manager in this unit has engineers."
      />
    </details>
  );
}

/** Organisation-wide tool figures before an org snapshot exists. */
export function OrgOnlyTools({ p }: { p: AiPayoff }) {
  return (
    <div data-testid="ai-org-only">
      <p className={styles.note} role="note">
        {formatDaysIn(p.headline)}
      </p>
      <p className="muted">
        {formatDay(p.period.from)} to {formatDay(p.period.to)}. Each tool identity counts as one person until
        an org snapshot joins identities to employees.
      </p>
      <ToolTable tools={p.byTool} filename="ai-org" />
    </div>
  );
}

/** The heading row of the payoff's delivery tables: the row label, then PRs and cycle time. */
function DeliveryHead({ first, engineers = false }: { first: string; engineers?: boolean }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {engineers && (
          <th scope="col" className="num">
            Engineers
          </th>
        )}
        <th scope="col" className="num">
          PRs / engineer / week
        </th>
        <th scope="col" className="num">
          Median cycle time (h)
        </th>
      </tr>
    </thead>
  );
}
