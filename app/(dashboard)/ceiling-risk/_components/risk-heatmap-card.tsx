import { counted } from '@/lib/plural';
import { useId, useState } from 'react';
import { hiddenCellText, hiddenText } from '@/lib/privacy/hidden-text';
import { foldHiddenDepartments } from '@/lib/views/heatmap-fold';
import type { CeilingRiskDashboard, RiskGroup } from '@/lib/dal/dashboards/ceiling-risk';
import { isSuppressed } from '@/lib/query/suppressed';
import { PrivacyFold } from '@/app/_components/ui/privacy-fold';
import { ChartCard } from '@/app/_components/charts/chart-card';
import { Heatmap, type HeatmapCellValue } from '@/app/_components/charts/heatmap';
import { departmentLabel, formatShare } from '../../ladder/_components/format';

type Measure = 'meanScore' | 'shareAtCeiling' | 'ics';

const MEASURES: Record<
  Measure,
  { label: string; text: (g: RiskGroup) => string; value: (g: RiskGroup) => number | null }
> = {
  meanScore: {
    label: 'Mean risk score',
    text: (g) => (g.meanScore === null ? '—' : String(Math.round(g.meanScore))),
    value: (g) => g.meanScore,
  },
  shareAtCeiling: {
    label: 'Share at the ceiling',
    text: (g) => (g.shareAtCeiling === null ? '—' : `${Math.round(g.shareAtCeiling * 100)}%`),
    value: (g) => g.shareAtCeiling,
  },
  ics: { label: 'ICs', text: (g) => g.ics.toLocaleString('en'), value: (g) => g.ics },
};

type Row = {
  department: string;
  level: string;
  ics: number | null;
  meanScore: number | null;
  atCeiling: number | null;
  shareAtCeiling: number | null;
  highRisk: number | null;
  note: string;
};

/** Department x IC level: ICs, mean risk score and share at the ceiling per cell. */
export function RiskHeatmapCard({ data }: { data: CeilingRiskDashboard }) {
  const [measure, setMeasure] = useState<Measure>('meanScore');
  const [withHidden, setWithHidden] = useState(false);
  const selectId = useId();
  const { columns } = data.heatmap;
  const deptKey = (d: string | null) => (d === null ? '\u0000none' : d);
  // departments whose every cell the floor hides are left out (heatmap and table) until asked for
  const { departments, cells, hidden, total } = foldHiddenDepartments(data.heatmap, withHidden);
  const byKey = new Map(cells.map((c) => [`${deptKey(c.department)}\u0001${c.column}`, c]));
  const colLabel = new Map(columns.map((c) => [c.key, c.label]));
  const rows: Row[] = cells.map((c) => {
    const base = { department: departmentLabel(c.department), level: colLabel.get(c.column) ?? c.column };
    return isSuppressed(c.value)
      ? {
          ...base,
          ics: null,
          meanScore: null,
          atCeiling: null,
          shareAtCeiling: null,
          highRisk: null,
          note: hiddenText(c.value, 'ICs'),
        }
      : { ...base, ...c.value, note: '' };
  });
  const m = MEASURES[measure];
  const maxIcs = Math.max(1, ...rows.map((r) => r.ics ?? 0));
  const domain: [number, number] =
    measure === 'meanScore' ? [0, 100] : measure === 'shareAtCeiling' ? [0, 1] : [0, maxIcs];
  const cell = (rowKey: string, colKey: string): HeatmapCellValue => {
    const c = byKey.get(`${rowKey}\u0001${colKey}`);
    if (!c) return { kind: 'empty' };
    const where = `${departmentLabel(c.department)}, ${colLabel.get(colKey) ?? colKey}`;
    if (isSuppressed(c.value))
      return {
        kind: 'suppressed',
        text: hiddenCellText(c.value),
        detail: `${where}: ${hiddenText(c.value, 'ICs')}, hidden`,
      };
    const g = c.value;
    const v = m.value(g);
    const detail = `${where}: ${counted(g.ics, 'IC')}, mean score ${g.meanScore ?? '—'}, ${formatShare(g.shareAtCeiling)} at the ceiling, ${g.highRisk} high risk`;
    return v === null ? { kind: 'empty' } : { kind: 'value', value: v, text: m.text(g), detail };
  };
  return (
    <ChartCard
      title="Ceiling risk by department and level"
      definition="Declared ICs per department and IC level: mean risk score (0-100), share holding the department's IC ceiling, and count. 'All levels' is the department as a whole."
      rows={rows}
      filename={`ceiling-risk-heatmap-${data.asOf}`}
      bodyHeight="auto"
      footer={
        <PrivacyFold
          hidden={hidden}
          total={total}
          shown={withHidden}
          onToggle={() => setWithHidden((v) => !v)}
          noun="department"
          testId="risk-heatmap-hidden"
        />
      }
      actions={
        <span className="field" style={{ margin: 0 }}>
          <label htmlFor={selectId} className="visually-hidden">
            Colour the heatmap by
          </label>
          <select id={selectId} value={measure} onChange={(e) => setMeasure(e.target.value as Measure)}>
            {(Object.keys(MEASURES) as Measure[]).map((k) => (
              <option key={k} value={k}>
                Colour by: {MEASURES[k].label}
              </option>
            ))}
          </select>
        </span>
      }
      columns={[
        { key: 'department', label: 'Department', value: (r) => r.department },
        { key: 'level', label: 'Level', value: (r) => r.level },
        { key: 'ics', label: 'ICs', value: (r) => r.ics, numeric: true },
        { key: 'meanScore', label: 'Mean risk score', value: (r) => r.meanScore, numeric: true },
        { key: 'atCeiling', label: 'At ceiling', value: (r) => r.atCeiling, numeric: true },
        { key: 'shareAtCeiling', label: 'Share at ceiling', value: (r) => r.shareAtCeiling, numeric: true },
        {
          key: 'highRisk',
          label: `High risk (≥ ${data.highRiskScore})`,
          value: (r) => r.highRisk,
          numeric: true,
        },
        { key: 'note', label: 'Note', value: (r) => r.note },
      ]}
    >
      {data.heatmap.departments.length === 0 ? (
        <p className="muted">No declared ICs in this unit.</p>
      ) : departments.length === 0 ? null : (
        <Heatmap
          rows={departments.map((d) => ({ key: deptKey(d), label: departmentLabel(d) }))}
          columns={columns.map((c) => ({ key: c.key, label: c.label }))}
          cell={cell}
          domain={domain}
          legendLabel={m.label}
          caption="Ceiling risk by department and IC level"
          rowHeader="Department"
          formatTick={(v) =>
            measure === 'shareAtCeiling' ? `${Math.round(v * 100)}%` : Math.round(v).toLocaleString('en')
          }
        />
      )}
    </ChartCard>
  );
}
