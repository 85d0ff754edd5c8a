import { describe, expect, it } from 'vitest';
import {
  dateFromFileName,
  mapHeaders,
  parseDate,
  parseNumber,
  parseSnapshotLabel,
  resolveFileAsOf,
  statusFromName,
  statusFromValue,
} from '@/lib/ingest';
import { isPlaceholder, isRootMarker } from '@/lib/ingest/cell-values';

describe('header mapping', () => {
  it('matches SPEC synonyms case- and punctuation-insensitively', () => {
    const m = mapHeaders([
      'EMPLOYEE-ID',
      'reports_to_id',
      'Full Name',
      'Job Title',
      'Career Level',
      'Dept.',
      'Hire Date',
      'GitHub Handle',
      'Snapshot Date',
    ]);
    expect(m.columns).toEqual({
      employee_id: 0,
      manager_id: 1,
      name: 2,
      title: 3,
      level: 4,
      department: 5,
      hire_date: 6,
      github_login: 7,
      as_of: 8,
    });
    expect(m.missing).toEqual([]);
    expect(m.unmatched).toEqual([]);
  });

  it('maps the organogram headers, ignoring "(£)" notes and blank headers', () => {
    const m = mapHeaders([
      'Post Unique Reference',
      'Name',
      'Grade (or equivalent)',
      'Reports to Senior Post',
      'Salary Cost of Reports (£)',
      '',
    ]);
    expect(m.columns).toMatchObject({ employee_id: 0, name: 1, level: 2, manager_id: 3 });
    expect(m.unmatched).toEqual(['Salary Cost of Reports (£)']);
  });

  it('reports unmatched headers, ambiguous fields (earlier synonym wins) and missing required fields', () => {
    const m = mapHeaders(['Name', 'Organisation', 'Unit', 'Favourite Colour']);
    expect(m.missing).toEqual(['employee_id', 'manager_id']);
    expect(m.ambiguous).toEqual([{ field: 'department', headers: ['Unit', 'Organisation'] }]);
    expect(m.columns.department).toBe(2);
    expect(m.unmatched).toEqual(['Favourite Colour', 'Organisation']);
  });

  it('takes a hand mapping (header -> field, or null to ignore) over the synonyms', () => {
    const m = mapHeaders(['Personalnummer', 'Vorgesetzter', 'Name'], {
      Personalnummer: 'employee_id',
      vorgesetzter: 'manager_id',
      Name: null,
    });
    expect(m.columns).toEqual({ employee_id: 0, manager_id: 1 });
    expect(m.mapping).toEqual({ Personalnummer: 'employee_id', Vorgesetzter: 'manager_id' });
    expect(m.missing).toEqual([]);
  });

  it('a manager name or email column satisfies the manager requirement', () => {
    expect(mapHeaders(['Employee ID', 'Manager Name']).missing).toEqual([]);
    expect(mapHeaders(['Employee ID', 'Manager Email']).missing).toEqual([]);
  });
});

describe('cell values', () => {
  it('parses numbers with thousands separators and placeholders', () => {
    expect(parseNumber('623,004')).toEqual({ ok: true, value: 623004 });
    expect(parseNumber('"1,396,375"'.replace(/"/g, ''))).toEqual({ ok: true, value: 1396375 });
    expect(parseNumber('1.0')).toEqual({ ok: true, value: 1 });
    expect(parseNumber('£59,265')).toEqual({ ok: true, value: 59265 });
    expect(parseNumber('0,5')).toEqual({ ok: true, value: 0.5 });
    for (const p of ['N/D', 'N/A', '-', '', '  ', "'N/D'"])
      expect(parseNumber(p)).toEqual({ ok: true, value: null });
    expect(parseNumber('http://organogram.data.gov.uk/x')).toEqual({ ok: false });
  });

  it('treats N/D, N/A, "-", blank as empty and XX/xx as the organogram top', () => {
    expect(['N/D', 'ND', "N/D'", 'N/A', '-', ''].every((v) => isPlaceholder(v))).toBe(true);
    expect(isPlaceholder('-5')).toBe(false);
    expect(isRootMarker('XX')).toBe(true);
    expect(isRootMarker('xx')).toBe(true);
    expect(isRootMarker('XX1')).toBe(false);
  });

  it('reads vacant and eliminated markers in names and status columns', () => {
    for (const v of ['Vacant', 'VACANT', "'Vacant'", "Vacant'", 'Vacant post', 'Vacancy'])
      expect(statusFromName(v)).toBe('vacant');
    for (const v of ['Eliminated', "'Eliminated'", '"Eliminated"', 'ELIMINATED', "Eliminated'"])
      expect(statusFromName(v)).toBe('eliminated');
    for (const v of ['N/D', 'Vaughan Smith', 'Eli Nated']) expect(statusFromName(v)).toBeNull();
    expect(statusFromValue('Open')).toBe('vacant');
    expect(statusFromValue('TBH')).toBe('vacant');
    expect(statusFromValue('Eliminated')).toBe('eliminated');
    expect(statusFromValue('Active')).toBe('filled');
  });
});

describe('dates', () => {
  it('parses the date shapes seen in exports', () => {
    expect(parseDate('2003-07-16T19:00:00.000Z')).toBe('2003-07-16'); // date part as written
    expect(parseDate('31/01/2021')).toBe('2021-01-31');
    expect(parseDate('01/02/2021', 'mdy')).toBe('2021-01-02');
    expect(parseDate('16-Jul-2003')).toBe('2003-07-16');
    expect(parseDate('Jul 16, 2003')).toBe('2003-07-16');
    expect(parseDate('20030716')).toBe('2003-07-16');
    expect(parseDate('44561')).toBe('2021-12-31'); // Excel serial
    expect(parseDate('2021-02-30')).toBeNull();
    expect(parseDate('soon')).toBeNull();
  });

  it('maps snapshot labels to the last day of the month', () => {
    expect(parseSnapshotLabel('Sep-12')).toBe('2012-09-30');
    expect(parseSnapshotLabel('Mar-11')).toBe('2011-03-31');
    expect(parseSnapshotLabel('Oct-14')).toBe('2014-10-31');
    expect(parseSnapshotLabel('Feb-16')).toBe('2016-02-29');
    expect(parseSnapshotLabel('September 2012')).toBe('2012-09-30');
    expect(parseSnapshotLabel('2012-09')).toBe('2012-09-30');
    expect(parseSnapshotLabel('2012-09-15')).toBe('2012-09-15');
    expect(parseSnapshotLabel('Smarch-12')).toBeNull();
  });

  it('finds dates in file names, including the six-digit styles of the 2013 uploads', () => {
    expect(dateFromFileName('home_office-2012-09-30-senior.csv')).toBe('2012-09-30');
    expect(dateFromFileName('130930-Home-Office-Organogram-Data-senior.csv')).toBe('2013-09-30'); // YYMMDD
    expect(dateFromFileName('011013-DH---Organogram-senior.csv')).toBe('2013-10-01'); // DDMMYY
    expect(dateFromFileName('HomeOffice_organogramdata_310311.xls')).toBe('2011-03-31');
    expect(dateFromFileName('government-staff-salary-Nov2011.xls')).toBe('2011-11-30');
    expect(dateFromFileName('org-20240131.csv')).toBe('2024-01-31');
    expect(dateFromFileName('050607.csv')).toBe('ambiguous'); // 2005-06-07 or 2007-06-05
    expect(dateFromFileName('org.csv')).toBeNull();
  });

  it('resolves the as-of date: form value, else file name, else "as-of date needed"', () => {
    expect(resolveFileAsOf('x-2012-09-30.csv', '2020-01-01')).toMatchObject({
      ok: true,
      asOf: '2020-01-01',
      source: 'form',
    });
    expect(resolveFileAsOf('x-2012-09-30.csv', undefined)).toMatchObject({
      ok: true,
      asOf: '2012-09-30',
      source: 'file-name',
    });
    expect(resolveFileAsOf('org.csv', undefined)).toMatchObject({ ok: false, code: 'as-of-needed' });
    expect(resolveFileAsOf('org.csv', '30/09/2012')).toMatchObject({ ok: false, code: 'bad-as-of' });
  });
});
