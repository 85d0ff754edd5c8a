/**
 * The report as data: sections of blocks (KPIs, charts, tables, text). Section builders in
 * lib/dal/reports produce it after scope and suppression; the PDF, XLSX and CSV writers here only
 * render it, so every format shows exactly the same numbers.
 */
/** fte: full-time equivalents (organogram junior staff), one decimal and labelled "FTE", never people. */
export type ValueFormat = 'int' | 'decimal' | 'percent' | 'months' | 'fte' | 'text';

export type ReportCell = string | number | boolean | null;

export interface ReportColumn {
  key: string;
  label: string;
  format: ValueFormat;
}

/** The scope label of a pack about the whole organisation (the cover then leads with the organisation's name). */
export const WHOLE_ORGANISATION = 'Whole organisation';

export interface ReportTable {
  /** stable id (sheet / CSV file name), unique within a report */
  id: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** shown under the title (e.g. why rows are missing) */
  note?: string;
  /** draw in the PDF too (false = workbook/CSV only, e.g. the data behind a chart) */
  inPdf?: boolean;
  /** per-row format of the numeric columns (overrides the column format; KPI tables) */
  rowFormats?: ValueFormat[];
  /** most rows drawn in the PDF (the note says where the rest are); the workbook has them all */
  pdfRowLimit?: number;
}

export interface ChartSeries {
  label: string;
  values: Array<number | null>;
}

export interface ChartSpec {
  kind: 'bar' | 'hbar' | 'line';
  title: string;
  /** category axis title (x for bar/line, y for hbar) */
  categoryLabel: string;
  /** value axis title */
  valueLabel: string;
  categories: string[];
  series: ChartSeries[];
  stacked?: boolean;
  /** value format for axis ticks */
  format?: ValueFormat;
}

export interface KpiItem {
  key: string;
  label: string;
  format: ValueFormat;
  value: number | null;
  previous: number | null;
  changeVsPrevious: number | null;
  peak: number | null;
  changeVsPeak: number | null;
  /** value in the comparison snapshot the reader chose, if any */
  comparison?: number | null;
  changeVsComparison?: number | null;
  definition: string;
}

export type ReportBlock =
  | { kind: 'kpis'; items: KpiItem[]; previousAsOf: string | null; comparisonAsOf: string | null }
  | { kind: 'chart'; chart: ChartSpec }
  /** two charts side by side (e.g. the same figure before and after) */
  | { kind: 'chart-pair'; charts: [ChartSpec, ChartSpec] }
  | { kind: 'table'; table: ReportTable }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; title?: string; items: string[] }
  | { kind: 'suppressed'; text: string }
  | { kind: 'notice'; text: string };

export interface ReportSection {
  id: string;
  title: string;
  intro?: string;
  blocks: ReportBlock[];
  /** person-level pages (named people) */
  personLevel?: boolean;
  /** the workbook puts all this section's tables on one sheet of this name (else one sheet per table) */
  sheet?: string;
}

export interface ReportDefinition {
  group: string;
  term: string;
  definition: string;
}

export interface ReportMeta {
  title: string;
  organisation: string;
  scopeLabel: string;
  asOf: string;
  comparisonAsOf: string | null;
  /** as printed, e.g. 2026-11-02 09:15 UTC */
  generatedAt: string;
  generatedAtIso: string;
  generatedBy: string;
  role: string;
  minGroupSize: number;
  /** true when small groups were suppressed for this reader */
  suppressionApplied: boolean;
  includesPeople: boolean;
  sectionTitles: string[];
}

export interface ReportDocument {
  meta: ReportMeta;
  sections: ReportSection[];
  definitions: ReportDefinition[];
}

/** A section's tables in order, with its KPI blocks turned into tables too. */
export function sectionTables(s: ReportSection): ReportTable[] {
  return s.blocks.flatMap((b) =>
    b.kind === 'table' ? [b.table] : b.kind === 'kpis' ? [kpiTable(s.id, b)] : [],
  );
}

/** Every table of the report in order, with the KPI blocks turned into tables too. */
export function listReportTables(doc: ReportDocument): ReportTable[] {
  return doc.sections.flatMap(sectionTables);
}

/** The KPI block as a table (value, previous, change vs previous, peak, change vs peak, comparison). */
export function kpiTable(sectionId: string, b: Extract<ReportBlock, { kind: 'kpis' }>): ReportTable {
  const hasComparison = b.comparisonAsOf !== null;
  const columns: ReportColumn[] = [
    { key: 'metric', label: 'Metric', format: 'text' },
    { key: 'value', label: 'Value', format: 'decimal' },
    {
      key: 'previous',
      label: b.previousAsOf ? `Previous (${b.previousAsOf})` : 'Previous',
      format: 'decimal',
    },
    { key: 'changeVsPrevious', label: 'Change vs previous', format: 'decimal' },
    { key: 'peak', label: 'Peak (earlier)', format: 'decimal' },
    { key: 'changeVsPeak', label: 'Change vs peak', format: 'decimal' },
  ];
  if (hasComparison) {
    columns.push(
      { key: 'comparison', label: `Comparison (${b.comparisonAsOf})`, format: 'decimal' },
      { key: 'changeVsComparison', label: 'Change vs comparison', format: 'decimal' },
    );
  }
  return {
    id: `${sectionId}-kpis`,
    title: 'Key figures',
    columns,
    rows: b.items.map((k) => {
      const row: ReportCell[] = [k.label, k.value, k.previous, k.changeVsPrevious, k.peak, k.changeVsPeak];
      if (hasComparison) row.push(k.comparison ?? null, k.changeVsComparison ?? null);
      return row;
    }),
    rowFormats: b.items.map((k) => k.format),
  };
}
