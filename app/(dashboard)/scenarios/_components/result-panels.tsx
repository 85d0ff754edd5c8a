'use client';

import { useId, type ReactNode } from 'react';
import { formatDelta, formatMetric } from '@/app/_components/charts/metric-format';
import { downloadRowsCsv, type Column } from '@/app/_components/ui/data-table';
import { TableCard, type TableColumn } from '@/app/_components/ui/table-card';
import type { HealthFlag, ScenarioHealth, TargetCheck } from '@/lib/views/scenario-health';
import {
  AFFECTED_LABELS,
  affectedPeople,
  beforeAfterRows,
  groupFigureRows,
  splitUnchangedLadders,
  type AffectedRow,
  type FigureGroup,
  type FigureRow,
  type FigureValue,
} from '@/lib/views/scenario-figures';
import { counted } from '@/lib/plural';
import styles from './scenarios.module.css';
import type { ScenarioView } from './types';

/** A figure as it reads: a share in % (as on the dashboards), a count or decimal, yes/no, or its text. */
function shown(v: FigureValue, format: FigureRow['format'] = 'decimal'): string {
  if (v === null) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return formatMetric(v, format);
  return v;
}

/** A difference: percentage points for shares ("+1.2 pts"), else a signed number; "0" when none. */
function change(r: FigureRow): string {
  if (r.difference === null) return '—';
  if (r.difference === 0) return '0';
  return formatDelta(r.difference, r.format);
}

const FIGURE_COLUMNS: Column<FigureRow>[] = [
  { key: 'group', label: 'Group', value: (r) => r.group },
  { key: 'figure', label: 'Figure', value: (r) => r.figure },
  {
    key: 'before',
    label: 'Before',
    value: (r) => (typeof r.before === 'boolean' ? shown(r.before) : r.before),
  },
  { key: 'after', label: 'After', value: (r) => (typeof r.after === 'boolean' ? shown(r.after) : r.after) },
  { key: 'difference', label: 'Difference', value: (r) => r.difference },
];

/** Every structure, ladder and ceiling-risk figure of the unit, before and after, with the difference (grouped rows). */
export function BeforeAfter({ view }: { view: ScenarioView }) {
  const id = useId();
  const rows = beforeAfterRows(view.before, view.after, view.ceilingRisk);
  const { shown: groups, unchanged } = splitUnchangedLadders(groupFigureRows(rows));
  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="before-after">
      <div className="chart-head">
        <h2 id={`${id}-h`}>Before and after</h2>
        <button
          type="button"
          className="secondary"
          onClick={() => downloadRowsCsv(`scenario-${view.scenario.id}-before-after`, FIGURE_COLUMNS, rows)}
        >
          Download CSV
        </button>
      </div>
      <p className="definition">
        The dashboards&apos; figures for the scenario&apos;s unit: the snapshot as imported, and the same
        definitions over the changed copy.
      </p>
      <BeforeAfterTable caption="Before and after" last="Change">
        <FigureGroups groups={groups} />
      </BeforeAfterTable>
      {unchanged.length > 0 && (
        <details data-testid="unchanged-ladders">
          <summary>
            Ladder figures of {counted(unchanged.length, 'department')} the scenario leaves unchanged
          </summary>
          <BeforeAfterTable caption="Unchanged ladder figures by department" last="Change">
            <FigureGroups groups={unchanged} />
          </BeforeAfterTable>
        </details>
      )}
    </section>
  );
}

function FigureGroups({ groups }: { groups: readonly FigureGroup[] }) {
  return groups.map((g) => (
    <tbody key={g.group}>
      <tr>
        <th scope="colgroup" colSpan={4} className={styles.groupHead}>
          {g.group}
        </th>
      </tr>
      {g.rows.map((r) => (
        <tr key={r.figure} data-figure={`${g.group}/${r.figure}`}>
          <th scope="row" className={styles.rowHead}>
            {r.figure}
          </th>
          <td className="num">{shown(r.before, r.format)}</td>
          <td className="num">{shown(r.after, r.format)}</td>
          <td className="num">{change(r)}</td>
        </tr>
      ))}
    </tbody>
  ));
}

/** A scrollable "figure | before | after | difference" table; the caller gives the bodies. */
export function BeforeAfterTable({
  caption,
  last,
  children,
}: {
  caption: string;
  last: string;
  children: ReactNode;
}) {
  return (
    <div
      className="table-wrap"
      tabIndex={0}
      role="region"
      aria-label={caption}
      style={{ position: 'relative' }}
    >
      <table className={`data ${styles.compact}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col" className="num">
              Before
            </th>
            <th scope="col" className="num">
              After
            </th>
            <th scope="col" className="num">
              {last}
            </th>
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}

const PEOPLE_COLUMNS: TableColumn<AffectedRow>[] = [
  { key: 'person', label: 'Person', value: (r) => (r.name ? `${r.name} (${r.id})` : r.id) },
  { key: 'change', label: 'Change', value: (r) => AFFECTED_LABELS[r.kind] },
  { key: 'from', label: 'From', value: (r) => r.from },
  { key: 'to', label: 'To', value: (r) => r.to },
  { key: 'op', label: 'Operation', value: (r) => r.op, numeric: true, display: (r) => `#${r.op}` },
];

/** Moved (with the new manager), removed, added and promoted people, named. */
export function PeopleAffected({ view }: { view: ScenarioView }) {
  const rows = affectedPeople(view.changes, (id) => view.people[id]?.name ?? null, new Set(view.promoted));
  return (
    <TableCard
      title="People affected"
      rows={rows}
      columns={PEOPLE_COLUMNS}
      filename={`scenario-${view.scenario.id}-people`}
      empty="Nobody yet: add an operation."
      pageSize={10}
      testId="people-affected"
    />
  );
}

interface SideRow {
  label: string;
  before: string;
  after: string;
  beforeClass?: string;
  afterClass?: string;
}

/** A small "label | before | after" table (targets and health flags). */
function SideBySide({
  caption,
  head,
  rows,
  numeric,
}: {
  caption: string;
  head: string;
  rows: SideRow[];
  numeric?: boolean;
}) {
  const num = numeric ? 'num' : undefined;
  return (
    <div
      className="table-wrap"
      tabIndex={0}
      role="region"
      aria-label={caption}
      style={{ position: 'relative' }}
    >
      <table className={`data ${styles.compact}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" className={num}>
              Before
            </th>
            <th scope="col" className={num}>
              After
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row" className={styles.rowHead}>
                {r.label}
              </th>
              <td className={[num, r.beforeClass].filter(Boolean).join(' ') || undefined}>{r.before}</td>
              <td className={[num, r.afterClass].filter(Boolean).join(' ') || undefined}>{r.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function checkText(c: TargetCheck): { text: string; className?: string } {
  const value = c.value === null ? '—' : shown(c.value);
  if (c.pass === null) return { text: value };
  return c.pass
    ? { text: `${value}: meets the target`, className: styles.pass }
    : { text: `${value}: off target`, className: styles.fail };
}

/** The span range and layer limit checked on the unit before and after. */
export function TargetsChecked({ health }: { health: ScenarioHealth }) {
  const id = useId();
  const t = health.targets;
  const rows: Array<[string, TargetCheck, TargetCheck]> = t.target
    ? [
        [`Median span within ${t.target.spanMin}–${t.target.spanMax}`, t.span.before, t.span.after],
        [`Depth at most ${t.target.maxLayers} layers`, t.layers.before, t.layers.after],
      ]
    : [];
  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="targets-checked">
      <h2 id={`${id}-h`}>Targets checked</h2>
      {t.target === null ? (
        <p className="muted">
          No span or layer targets are set; an administrator sets them on the Targets page.
        </p>
      ) : (
        <>
          <SideBySide
            caption="Targets before and after"
            head="Target"
            rows={rows.map(([label, before, after]) => {
              const b = checkText(before);
              const a = checkText(after);
              return {
                label,
                before: b.text,
                after: a.text,
                beforeClass: b.className,
                afterClass: a.className,
              };
            })}
          />
          {t.target.note && <p className="muted">{t.target.note}</p>}
        </>
      )}
    </section>
  );
}

function countText(f: HealthFlag | undefined): string {
  if (!f || f.count === null) return f?.kind === 'ceilingDown' ? '—' : 'no target';
  return f.count.toLocaleString('en');
}

function FlagItems({ flag, side }: { flag: HealthFlag | undefined; side: string }) {
  if (!flag || flag.items.length === 0) return null;
  return (
    <>
      <p className="muted">
        {side}
        {flag.count !== null && flag.count > flag.items.length
          ? ` (first ${flag.items.length} of ${flag.count})`
          : ''}
        :
      </p>
      <ul className={styles.flagItems}>
        {flag.items.map((i, k) => (
          <li key={`${i.id}-${k}`}>
            {i.name ?? i.id} ({i.id}): {i.detail}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Structural health flags on both sides, with the people behind each. */
export function HealthFlags({ health }: { health: ScenarioHealth }) {
  const id = useId();
  const kinds = health.after.flags.map((f) => f.kind);
  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="health-flags">
      <h2 id={`${id}-h`}>Health flags</h2>
      <SideBySide
        caption="Health flags before and after"
        head="Flag"
        numeric
        rows={kinds.map((kind) => {
          const b = health.before.flags.find((f) => f.kind === kind);
          const a = health.after.flags.find((f) => f.kind === kind);
          return { label: a?.label ?? b?.label ?? kind, before: countText(b), after: countText(a) };
        })}
      />
      {kinds.map((kind) => {
        const b = health.before.flags.find((f) => f.kind === kind);
        const a = health.after.flags.find((f) => f.kind === kind);
        if (!b?.items.length && !a?.items.length) return null;
        return (
          <details key={kind}>
            <summary>{a?.label ?? b?.label}: who</summary>
            <FlagItems flag={b} side="Before" />
            <FlagItems flag={a} side="After" />
          </details>
        );
      })}
    </section>
  );
}
