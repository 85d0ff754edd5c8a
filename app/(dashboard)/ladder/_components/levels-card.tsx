import type { LadderDashboard } from '@/lib/dal/dashboards/ladder';
import { counted } from '@/lib/plural';
import { isSuppressed, type SuppressedMarker } from '@/lib/query/suppressed';
import { groupByHiddenText, sentenceCase } from '@/lib/privacy/hidden-text';
import { ChartCard, type Column } from '@/app/_components/charts/chart-card';
import { LadderLevelsChart } from '@/app/_components/charts/ladder-levels-chart';
import { departmentLabel } from './format';

type Row = Record<string, string | number>;

/** Hidden departments named in the note itself up to this many; more are listed on request. */
const LIST_HIDDEN = 12;

/** Departments drawn as their own bar; the rest share one "Others" bar (the table lists every one). */
export const TOP_GROUPS = 24;

/** The largest TOP_GROUPS rows by people, then one row summing the others (same series keys). */
export function topGroups(rows: Row[], keys: string[], label = 'department'): Row[] {
  if (rows.length <= TOP_GROUPS + 1) return rows;
  const sorted = [...rows].sort((a, b) => Number(b.people) - Number(a.people));
  const rest = sorted.slice(TOP_GROUPS);
  const others: Row = { [label]: `Others (${rest.length} departments)`, people: 0 };
  for (const r of rest) {
    others.people = Number(others.people) + Number(r.people);
    for (const k of keys) others[k] = Number(others[k] ?? 0) + Number(r[k] ?? 0);
  }
  return [...sorted.slice(0, TOP_GROUPS), others];
}

/** One stacked bar per department: IC levels (blues) then manager levels (oranges), junior to senior. */
export function LevelsCard({ data }: { data: LadderDashboard }) {
  // Series keys hold level codes (which may contain dots); the chart gets plain keys s0, s1...
  const series = data.levels.map((s, k) => ({ ...s, key: `s${k}`, sourceKey: s.key }));
  const rows: Row[] = [];
  const hidden: Array<{ label: string; marker: SuppressedMarker }> = [];
  for (const d of data.departments) {
    if (isSuppressed(d.group)) {
      hidden.push({ label: departmentLabel(d.department), marker: d.group });
      continue;
    }
    const row: Row = { department: departmentLabel(d.department), people: d.group.people };
    for (const s of series) row[s.key] = d.group.counts[s.sourceKey] ?? 0;
    rows.push(row);
  }
  const columns: Column<Row>[] = [
    { key: 'department', label: 'Department', value: (r) => r.department },
    { key: 'people', label: 'People', value: (r) => r.people, numeric: true },
    ...series.map((s) => ({
      key: s.key,
      label: `${s.label} (${s.track === 'ic' ? 'IC track' : 'manager track'})`,
      value: (r: Row) => r[s.key],
      numeric: true,
    })),
  ];
  const hiddenGroups = groupByHiddenText(hidden);
  const drawn = topGroups(
    rows,
    series.map((s) => s.key),
  );
  return (
    <>
      <ChartCard
        title="Levels per department"
        definition="People per level in each department, split by declared track: IC-track levels in blues, manager-track levels in oranges, darker = more senior."
        rows={rows}
        columns={columns}
        filename={`ladder-levels-${data.asOf}`}
        bodyHeight={Math.max(280, 110 + 32 * drawn.length)}
        footer={
          drawn.length < rows.length ? (
            <p className="muted" data-testid="levels-others">
              The {TOP_GROUPS} largest of {rows.length} departments are drawn; the other{' '}
              {rows.length - TOP_GROUPS} share one bar. The table view lists every department.
            </p>
          ) : undefined
        }
      >
        {rows.length === 0 ? (
          <p className="muted">No department has enough people to show.</p>
        ) : (
          <LadderLevelsChart data={drawn} y="department" series={series} />
        )}
      </ChartCard>
      {hidden.length > 0 && hidden.length <= LIST_HIDDEN && (
        <p className="suppressed" role="note" data-testid="levels-hidden">
          {hiddenGroups
            .map(([text, labels]) => `${sentenceCase(text)}, so not shown: ${labels.join(', ')}.`)
            .join(' ')}
        </p>
      )}
      {hidden.length > LIST_HIDDEN && (
        // about 100 organogram departments under the floor made a 20-line paragraph of names
        <details className="suppressed" role="note" data-testid="levels-hidden">
          <summary>
            {counted(hidden.length, 'department')} not shown for privacy:{' '}
            {hiddenGroups
              .map(
                ([text, labels]) =>
                  `${labels.length.toLocaleString('en')} ${text.startsWith('fewer') ? `with ${text}` : text}`,
              )
              .join('; ')}
            . Show their names
          </summary>
          {hiddenGroups.map(([text, labels]) => (
            <p key={text}>
              {sentenceCase(text)}: {labels.join(', ')}.
            </p>
          ))}
        </details>
      )}
    </>
  );
}
