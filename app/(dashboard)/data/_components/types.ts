import type { UploadView } from '@/lib/dal/uploads';

export type { UploadView };
export type CommitEvent =
  | { type: 'progress'; phase: string; snapshot: number; of: number; asOf?: string }
  | {
      type: 'done';
      snapshots: Array<{
        id: number;
        asOf: string;
        version: number;
        headcount: number;
        replacedVersion: number | null;
      }>;
    }
  | { type: 'error'; status: number; message: string };

/** Human labels of the logical fields for the mapping screen. */
export const FIELD_LABELS: Record<string, string> = {
  employee_id: 'Employee ID',
  manager_id: 'Manager ID',
  manager_name: 'Manager name',
  manager_email: 'Manager email',
  name: 'Name',
  first_name: 'First name',
  last_name: 'Last name',
  email: 'Email',
  title: 'Job title',
  level: 'Level / grade',
  track: 'Track (IC / manager)',
  department: 'Department',
  location: 'Location',
  cost_center: 'Cost center',
  employment_type: 'Employment type',
  hire_date: 'Hire date',
  level_start_date: 'Level start date',
  github_login: 'GitHub login',
  as_of: 'As-of date',
  status: 'Status (vacant / eliminated)',
  fte: 'FTE',
  row_kind: 'Row kind (senior / junior)',
  annual_cost: 'Annual cost per person',
  pay_floor: 'Pay floor (cost = midpoint)',
  pay_ceiling: 'Pay ceiling (cost = midpoint)',
};
