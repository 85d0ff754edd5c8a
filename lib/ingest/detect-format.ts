/**
 * Automatic format detection from the header row (and a draw.io preamble). Each format brings a
 * preset mapping for the columns whose generic synonym would be wrong in it, and its required
 * fields. The user's hand mapping still overrides the preset.
 *
 * | format            | recognised by                                              |
 * |-------------------|------------------------------------------------------------|
 * | ifg-multi         | 'Back to Index' (snapshot label) + 'Senior/Junior'          |
 * | organogram-senior | 'Post Unique Reference' + 'Reports to Senior Post'          |
 * | organogram-junior | 'Reporting Senior Post' + 'Number of Posts in FTE'          |
 * | ifg-processed     | id, parentId, date, level, grade                            |
 * | drawio            | '# connect:' / '# label:' ... configuration before the header |
 * | id-parent         | id + parentId (d3-org-chart style)                          |
 * | hris              | anything else with an employee id and a manager column      |
 */
import { isDrawioPreamble, parseDrawioConfig, reportingConnect } from './drawio-config';
import { SYNONYM_INDEX, normaliseHeader } from './header-synonyms';
import type { LogicalField, ManagerRef, MappingOverride, OrgFormat } from './types';

/** A detected layout and what it implies for mapping. */
export interface DetectedFormat {
  format: OrgFormat;
  /** format-specific mapping applied under the user's override. */
  preset: MappingOverride;
  required: LogicalField[];
  /** how manager cells refer to people; 'auto' = decide from the values. */
  managerRef: ManagerRef | 'auto';
}

function headerFor(headers: readonly string[], normalised: string): string | undefined {
  return headers.find((h) => normaliseHeader(h) === normalised);
}

/** Decide the format of a file from its header row and preamble lines. */
export function detectFormat(headers: readonly string[], preamble: readonly string[] = []): DetectedFormat {
  const keys = new Set(headers.map(normaliseHeader));
  const has = (...k: string[]): boolean => k.every((x) => keys.has(x));
  const preset: MappingOverride = {};
  const set = (normalised: string, field: LogicalField | null): void => {
    const h = headerFor(headers, normalised);
    if (h !== undefined) preset[h] = field;
  };

  const kind = ['seniorjunior', 'seniority', 'seniororjunior'].find((k) => keys.has(k));
  if (has('backtoindex', 'postuniquereference') || (kind !== undefined && has('postuniquereference'))) {
    set('backtoindex', 'as_of');
    if (kind !== undefined) set(kind, 'row_kind');
    set('organisation', null); // the whole department; 'Unit' is the team
    return { format: 'ifg-multi', preset, required: ['employee_id', 'manager_id'], managerRef: 'id' };
  }
  if (has('postuniquereference', 'reportstoseniorpost')) {
    set('organisation', null);
    return { format: 'organogram-senior', preset, required: ['employee_id', 'manager_id'], managerRef: 'id' };
  }
  if (has('reportingseniorpost', 'numberofpostsinfte')) {
    set('organisation', null);
    return { format: 'organogram-junior', preset, required: ['manager_id', 'fte'], managerRef: 'id' };
  }
  if (has('id', 'parentid', 'date', 'level', 'grade')) {
    set('level', 'row_kind');
    set('grade', 'level');
    set('date', 'as_of');
    return { format: 'ifg-processed', preset, required: ['employee_id', 'manager_id'], managerRef: 'id' };
  }
  if (isDrawioPreamble(preamble)) {
    const connect = reportingConnect(parseDrawioConfig(preamble));
    let managerRef: ManagerRef | 'auto' = 'auto';
    if (connect) {
      const from = headerFor(headers, normaliseHeader(connect.from));
      if (from !== undefined) preset[from] = 'manager_id';
      const target = SYNONYM_INDEX.get(normaliseHeader(connect.to))?.field;
      managerRef =
        target === 'name' ? 'name' : target === 'email' ? 'email' : target === 'employee_id' ? 'id' : 'auto';
    }
    return { format: 'drawio', preset, required: ['employee_id', 'manager_id'], managerRef };
  }
  if (has('id') && (keys.has('parentid') || keys.has('parent'))) {
    return { format: 'id-parent', preset, required: ['employee_id', 'manager_id'], managerRef: 'id' };
  }
  return { format: 'hris', preset, required: ['employee_id', 'manager_id'], managerRef: 'auto' };
}

/** Manager-reference kind implied by which manager column got mapped. */
export function managerRefFromColumns(
  columns: Partial<Record<LogicalField, number>>,
  headers: readonly string[],
  detected: ManagerRef | 'auto',
): ManagerRef | 'auto' {
  if (detected !== 'auto') return detected;
  if (columns.manager_id !== undefined) {
    const key = normaliseHeader(headers[columns.manager_id] ?? '');
    // Explicit id headers ('Manager ID', 'Parent ID', 'Reports to Senior Post') are ids; bare
    // 'Manager' / 'Reports To' / 'Supervisor' are decided from the values.
    return /id$|post$|number$|no$|code$/.test(key) ? 'id' : 'auto';
  }
  if (columns.manager_name !== undefined) return 'name';
  if (columns.manager_email !== undefined) return 'email';
  return 'auto';
}
