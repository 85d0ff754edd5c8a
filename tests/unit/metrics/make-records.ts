/** Test helpers: compact builders for OrgRecord rows so fixtures read like an org chart. */
import type { AiAggregate } from '@/lib/metrics/ai-rollup';
import type { OrgRecord } from '@/lib/metrics/types';

/** Build one record; only the fields a test cares about need to be given. */
export function person(
  employeeId: string,
  managerId: string | null,
  extra: Partial<OrgRecord> = {},
): OrgRecord {
  return {
    row: 0,
    employeeId,
    managerId,
    name: null,
    email: null,
    title: null,
    level: null,
    track: null,
    department: null,
    location: null,
    costCenter: null,
    employmentType: null,
    hireDate: null,
    levelStartDate: null,
    githubLogin: null,
    status: 'filled',
    aggregatedCount: null,
    annualCost: null,
    ...extra,
  };
}

/** Build a vacant post. */
export function vacancy(
  employeeId: string,
  managerId: string | null,
  extra: Partial<OrgRecord> = {},
): OrgRecord {
  return person(employeeId, managerId, { ...extra, status: 'vacant' });
}

/** Build an aggregated row standing for `count` people (UK junior-staff style). */
export function group(
  employeeId: string,
  managerId: string,
  count: number,
  extra: Partial<OrgRecord> = {},
): OrgRecord {
  return person(employeeId, managerId, { ...extra, aggregatedCount: count });
}

/** Usage of one subject over one period; every count unknown unless given. */
export function aiAggregate(extra: Partial<AiAggregate>): AiAggregate {
  return {
    tool: 'copilot',
    subjectKind: 'person',
    employeeId: null,
    githubLogin: null,
    email: null,
    teamManagerId: null,
    orgKey: null,
    periodStart: '2026-04-01',
    periodEnd: '2026-04-30',
    rows: 1,
    activeRows: 1,
    engineers: null,
    aiActiveUsers: null,
    active: true,
    suggestions: null,
    acceptances: null,
    linesSuggested: null,
    linesAccepted: null,
    prsForShare: null,
    aiAssistedPrs: null,
    prsMerged: null,
    spendUsd: null,
    prStart: null,
    prEnd: null,
    spendStart: null,
    spendEnd: null,
    ...extra,
  };
}
