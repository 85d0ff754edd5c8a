/** Client-side shapes of the reports API (mirrors lib/dal/reports/jobs.ts ReportJobDto). */
export type ReportFormat = 'pdf' | 'xlsx' | 'csv';

export interface ReportRequest {
  format: ReportFormat;
  asOf?: string;
  compareTo?: string;
  scope: { kind: 'org' } | { kind: 'department'; department: string } | { kind: 'subtree'; subtree: string };
  sections: string[];
  includePeople: boolean;
  table?: string;
  /** scenario ids to add as sections (PDF / XLSX) */
  scenarios?: number[];
}

/** A scenario the user may put into a report (from listScenarios). */
export interface ScenarioChoice {
  id: number;
  name: string;
  status: string;
  fromAsOf: string;
  unitRootId: string | null;
  /** the unit by name, "Ada Lovelace (E000002)"; null for the whole organisation */
  unitLabel: string | null;
}

export interface ReportJob {
  id: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  stage: string;
  createdAt: string;
  params: ReportRequest;
  summary: { scopeLabel?: string; asOf?: string; sections?: string[] };
  filename: string | null;
  bytes: number | null;
  error: string | null;
  /** a finished report the user may no longer download with their current rights: why */
  unavailable: string | null;
}

export const FORMAT_LABELS: Record<ReportFormat, string> = {
  pdf: 'PDF pack',
  xlsx: 'XLSX workbook',
  csv: 'CSV table',
};
