/**
 * Header synonyms per logical field (SPEC.md "Inputs" table, plus the spellings seen in the real
 * files under ../shared/data). Order matters: when two columns match one field, the column that
 * matches the earlier synonym wins (e.g. organogram 'Unit' beats 'Organisation' for department).
 */
import type { LogicalField } from './types';

/** Normalise a header for matching: case, punctuation, spacing and "(£)"-style notes ignored. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .replace(/\([^)]*\)/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

const RAW: Record<LogicalField, string[]> = {
  employee_id: [
    'Employee ID',
    'Worker ID',
    'Person ID',
    'Emp No',
    'Post Unique Reference',
    'Employee Number',
    'Emp ID',
    'Staff ID',
    'Employee Code',
    'Personnel Number',
    'ID',
  ],
  manager_id: [
    'Manager ID',
    'Supervisor ID',
    'Reports To ID',
    'Line Manager ID',
    'Reports to Senior Post',
    'Reporting Senior Post',
    'Manager Employee ID',
    'Supervisor Employee ID',
    'Parent ID',
    'Reports To',
    'Manager',
    'Supervisor',
    'Line Manager',
    'Parent',
  ],
  manager_name: [
    'Manager Name',
    'Supervisor Name',
    'Line Manager Name',
    'Reports To Name',
    'Manager Full Name',
  ],
  manager_email: [
    'Manager Email',
    'Supervisor Email',
    'Line Manager Email',
    'Reports To Email',
    'Manager Work Email',
  ],
  name: ['Name', 'Full Name', 'Employee Name', 'Preferred Name', 'Display Name', 'Worker Name'],
  first_name: ['First Name', 'Given Name', 'Forename', 'FirstName'],
  last_name: ['Last Name', 'Surname', 'Family Name', 'LastName'],
  email: ['Email', 'Work Email', 'Email Address', 'Work Email Address', 'Business Email'],
  title: [
    'Title',
    'Job Title',
    'Position',
    'Position Name',
    'Position Title',
    'Generic Job Title',
    'Role',
    'Job Name',
  ],
  level: [
    'Level',
    'Job Level',
    'Grade',
    'Band',
    'Career Level',
    'Job Grade',
    'Pay Grade',
    'Grade or Equivalent',
  ],
  track: ['Track', 'Job Type', 'IC/Manager', 'Career Track', 'Ladder'],
  department: [
    'Department',
    'Dept',
    'Department Name',
    'Unit',
    'Team',
    'Organisation',
    'Organization',
    'Function',
    'Division',
    'Area',
  ],
  location: ['Location', 'Office', 'Work Location', 'Site', 'City'],
  cost_center: ['Cost Center', 'Cost Centre', 'Cost Center Code', 'Cost Centre Code'],
  employment_type: ['Employment Type', 'Worker Type', 'Contract Type', 'Employee Type'],
  hire_date: ['Hire Date', 'Start Date', 'Date of Hire', 'Original Hire Date', 'Join Date', 'Joined'],
  level_start_date: [
    'Level Start Date',
    'Time in Level Since',
    'Grade Start Date',
    'Level Since',
    'Last Promotion Date',
  ],
  github_login: ['GitHub Login', 'GitHub Username', 'GitHub Handle', 'GitHub', 'GitHub User'],
  as_of: ['As Of', 'Snapshot Date', 'Effective Date', 'As Of Date', 'Report Date'],
  status: [
    'Status',
    'Position Status',
    'Employee Status',
    'Employment Status',
    'Vacancy Status',
    'Worker Status',
  ],
  fte: ['Number of Posts in FTE', 'FTE', 'Headcount FTE'],
  row_kind: ['Senior/Junior', 'Seniority', 'Senior or Junior'],
  // 'Salary Cost of Reports (£)' (organograms) normalises to its own key and stays unmatched.
  annual_cost: [
    'Annual Cost',
    'Salary',
    'Annual Salary',
    'Total Compensation',
    'Total Comp',
    'Cost',
    'Annual Compensation',
    'Base Salary',
  ],
  pay_floor: [
    'Actual Pay Floor',
    'Payscale Minimum',
    'Pay Floor',
    'payFloor',
    'Pay Scale Minimum',
    'Salary Minimum',
  ],
  pay_ceiling: [
    'Actual Pay Ceiling',
    'Payscale Maximum',
    'Pay Ceiling',
    'payCeil',
    'Pay Scale Maximum',
    'Salary Maximum',
  ],
};

/** normalised header -> [field, priority] (lower priority number = stronger match). */
export const SYNONYM_INDEX: ReadonlyMap<string, { field: LogicalField; priority: number }> = (() => {
  const index = new Map<string, { field: LogicalField; priority: number }>();
  for (const [field, list] of Object.entries(RAW) as Array<[LogicalField, string[]]>) {
    list.forEach((synonym, priority) => {
      const key = normaliseHeader(synonym);
      if (!index.has(key)) index.set(key, { field, priority });
    });
  }
  return index;
})();

/** Fields that must be mapped for an org snapshot (a manager column of any kind counts). */
export const REQUIRED_FIELDS: readonly LogicalField[] = ['employee_id', 'manager_id'];
