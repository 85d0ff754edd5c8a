import { describe, expect, it } from 'vitest';
import { createLevelResolver, inferLevelFromTitle, resolveLevel } from '@/lib/ladders/resolve';
import { chooseLadder } from '@/lib/ladders/choose';
import {
  DEFAULT_LADDER,
  DROPBOX_LADDER,
  ENGINEERING_LADDERS_LADDER,
  FINANCIAL_TIMES_LADDER,
  GOOGLE_LADDER,
  MEDIUM_LADDER,
  META_LADDER,
  MILITARY_LADDER,
  UK_CIVIL_SERVICE_LADDER,
} from '@/lib/ladders/presets';

describe('UK civil service grades as spelled in published organograms', () => {
  // Every spelling below appears in the Grade column of shared/data/ukgov-organograms-* files.
  const cases: [string, string][] = [
    ['SCS1', 'SCS1'],
    ['SCS2 ', 'SCS2'],
    ['SCS3', 'SCS3'],
    ['SCS4', 'SCS4'],
    ['Permanent Secretary', 'SCS4'],
    ['A1 (G6)', 'G6'],
    ['A2 (G7)', 'G7'],
    ['A2L (SEO)', 'SEO'],
    ['A2(L) (SEO)', 'SEO'],
    ['B1 (HEO)', 'HEO'],
    ['B1D (Faststream)', 'HEO'],
    ['B2 (EO)', 'EO'],
    ['C1 (AO)', 'AO'],
    ['C2 (AA)', 'AA'],
    ['Grade 7', 'G7'],
    ['Grade 6', 'G6'],
    ['G7', 'G7'],
    ['G6', 'G6'],
    ['Grade 7 (GEO)', 'G7'],
    ['Grade 6 (GEO)', 'G6'],
    ['Grade 7 Economist', 'G7'],
    ['HEO', 'HEO'],
    ['HEO (GEO)', 'HEO'],
    ['HEO-D', 'HEO'],
    ['HEOD', 'HEO'],
    ['HEO -D (GEO)', 'HEO'],
    ['HEO Auditor', 'HEO'],
    ['SEO (GEO)', 'SEO'],
    ['EO (GEO)', 'EO'],
    ['EO', 'EO'],
    ['AO', 'AO'],
    ['AA', 'AA'],
    ['FS', 'HEO'],
    ['Fast Stream', 'HEO'],
    // DCMS bands
    ['A(U)', 'G6'],
    ['A', 'G7'],
    ['B', 'HEO'],
    ['C', 'EO'],
    ['D', 'AO'],
    // Home Office specialist grades
    ['CIO', 'HEO'],
    ['IO', 'EO'],
    ['AIO', 'AO'],
    ['Immigration Inspector', 'SEO'],
    ['SSO', 'SEO'],
    ['HSO', 'HEO'],
    ['SPTO', 'SEO'],
    ['Senior Information Officer', 'SEO'],
    ['Information Officer', 'HEO'],
    // Spellings the brief warns about
    ['SCS Pay Band 1', 'SCS1'],
    ['scs pay band 2', 'SCS2'],
    ['Band A', 'G7'],
    ['scs 1', 'SCS1'],
  ];
  it.each(cases)('%j -> %s', (grade, code) => {
    const r = resolveLevel(UK_CIVIL_SERVICE_LADDER, grade, null);
    expect(r.code).toBe(code);
    expect(r.source).toBe('code');
    // Grades are shared by managers and specialists: the structure decides the track.
    expect(r.track).toBeNull();
  });

  it('ranks grades from AA (1) to SCS4 (11)', () => {
    expect(resolveLevel(UK_CIVIL_SERVICE_LADDER, 'AA', null).rank).toBe(1);
    expect(resolveLevel(UK_CIVIL_SERVICE_LADDER, 'A2 (G7)', null).rank).toBe(6);
    expect(resolveLevel(UK_CIVIL_SERVICE_LADDER, 'SCS4', null).rank).toBe(11);
  });

  it('leaves grades with no reliable equivalent unlevelled, then tries the title', () => {
    for (const grade of ['Unknown', 'Contractor', 'Police Staff', 'Librarian', 'PS', 'SPS ']) {
      expect(resolveLevel(UK_CIVIL_SERVICE_LADDER, grade, null).source).toBe('unlevelled');
    }
    // Blank grade on a senior post: the job title places it.
    expect(resolveLevel(UK_CIVIL_SERVICE_LADDER, '', 'Deputy Director, Head of Programmes')).toMatchObject({
      code: 'SCS1',
      source: 'title',
    });
    expect(resolveLevel(UK_CIVIL_SERVICE_LADDER, null, 'Director General, Strategy')).toMatchObject({
      code: 'SCS3',
    });
    expect(resolveLevel(UK_CIVIL_SERVICE_LADDER, null, 'Director of Operations')).toMatchObject({
      code: 'SCS2',
    });
    expect(resolveLevel(UK_CIVIL_SERVICE_LADDER, null, 'Policy Adviser').source).toBe('unlevelled');
  });
});

describe('default ladder', () => {
  it('matches codes case-, space- and punctuation-insensitively, with synonyms', () => {
    expect(resolveLevel(DEFAULT_LADDER, 'ic3', null)).toEqual({
      track: 'ic',
      rank: 3,
      code: 'IC3',
      source: 'code',
    });
    expect(resolveLevel(DEFAULT_LADDER, ' IC-4 ', null).code).toBe('IC4');
    expect(resolveLevel(DEFAULT_LADDER, 'Ic 8', null).code).toBe('IC8');
    expect(resolveLevel(DEFAULT_LADDER, 'm2', null)).toEqual({
      track: 'manager',
      rank: 4,
      code: 'M2',
      source: 'code',
    });
    expect(resolveLevel(DEFAULT_LADDER, 'Staff', null).code).toBe('IC4');
    expect(resolveLevel(DEFAULT_LADDER, 'Senior Manager', null).code).toBe('M2');
    expect(resolveLevel(DEFAULT_LADDER, 'CTO', null).code).toBe('M6');
  });

  const titles: [string, string, 'ic' | 'manager'][] = [
    ['Junior Developer', 'IC1', 'ic'],
    ['Graduate Software Engineer', 'IC1', 'ic'],
    ['Software Engineer', 'IC2', 'ic'],
    ['Senior Software Engineer', 'IC3', 'ic'],
    ['Sr. Backend Engineer', 'IC3', 'ic'],
    ['Lead Engineer', 'IC3', 'ic'],
    ['Staff Engineer', 'IC4', 'ic'],
    ['Senior Staff Engineer', 'IC5', 'ic'],
    ['Principal Engineer', 'IC5', 'ic'],
    ['Sr. Principal Software Engineer', 'IC6', 'ic'],
    ['Distinguished Engineer', 'IC7', 'ic'],
    ['Fellow', 'IC8', 'ic'],
    ['Engineering Manager', 'M1', 'manager'],
    ['Team Leader', 'M1', 'manager'],
    ['Senior Engineering Manager', 'M2', 'manager'],
    ['Head of Platform', 'M2', 'manager'],
    ['Director of Engineering', 'M3', 'manager'],
    ['Senior Director, Infrastructure', 'M4', 'manager'],
    ['VP Engineering', 'M5', 'manager'],
    ['Vice President, Product', 'M5', 'manager'],
    ['SVP Engineering', 'M6', 'manager'],
    ['Senior Vice President', 'M6', 'manager'],
    ['CTO', 'M6', 'manager'],
    ['Chief Technology Officer', 'M6', 'manager'],
    // A product manager has no reports by title: "Senior" is the only seniority word.
    ['Senior Product Manager', 'IC3', 'ic'],
  ];
  it.each(titles)('title %j -> %s (%s)', (title, code, track) => {
    expect(resolveLevel(DEFAULT_LADDER, null, title)).toMatchObject({ code, track, source: 'title' });
  });

  it('prefers the level column, falls back to the title for unknown codes, else unlevelled', () => {
    expect(resolveLevel(DEFAULT_LADDER, 'IC5', 'Junior Developer').code).toBe('IC5');
    expect(resolveLevel(DEFAULT_LADDER, 'Band Z', 'Staff Engineer')).toMatchObject({
      code: 'IC4',
      source: 'title',
    });
    expect(resolveLevel(DEFAULT_LADDER, 'Band Z', null)).toEqual({
      track: null,
      rank: null,
      code: null,
      source: 'unlevelled',
    });
    expect(resolveLevel(DEFAULT_LADDER, null, 'Product Manager').source).toBe('unlevelled');
  });

  it('memoises in bulk without changing answers', () => {
    const resolve = createLevelResolver(DEFAULT_LADDER);
    expect(resolve('IC3', null)).toBe(resolve('IC3', null));
    expect(resolve(null, 'Staff Engineer')).toEqual(resolveLevel(DEFAULT_LADDER, null, 'Staff Engineer'));
  });
});

describe('other presets', () => {
  it('Google L-levels are shared: the title declares the track', () => {
    expect(resolveLevel(GOOGLE_LADDER, 'L6', null)).toEqual({
      track: null,
      rank: 6,
      code: 'L6',
      source: 'code',
    });
    expect(resolveLevel(GOOGLE_LADDER, 'l10', null).rank).toBe(10);
    expect(resolveLevel(GOOGLE_LADDER, null, 'Engineering Manager')).toMatchObject({
      code: 'L6',
      track: 'manager',
    });
    expect(resolveLevel(GOOGLE_LADDER, null, 'Senior Software Engineer')).toMatchObject({
      code: 'L5',
      track: 'ic',
    });
  });

  it('Meta E-levels are IC, M/D levels managers at their E-equivalents', () => {
    expect(resolveLevel(META_LADDER, 'E6', null)).toMatchObject({ track: 'ic', rank: 6 });
    expect(resolveLevel(META_LADDER, 'D1', null)).toMatchObject({ track: 'manager', rank: 8 });
  });

  it('military ranks by NATO code, name, abbreviation and US grade', () => {
    const code = (s: string) => resolveLevel(MILITARY_LADDER, s, null).code;
    expect(code('OF-1')).toBe('OF-1');
    expect(code('of 3')).toBe('OF-3');
    expect(code('OF9')).toBe('OF-9');
    expect(code('Major')).toBe('OF-3');
    expect(code('Major General')).toBe('OF-7');
    expect(code('Lieutenant Colonel')).toBe('OF-4');
    expect(code('Lt Col')).toBe('OF-4');
    expect(code('Squadron Leader')).toBe('OF-3');
    expect(code('Rear Admiral')).toBe('OF-7');
    expect(code('O-10')).toBe('OF-9');
    expect(resolveLevel(MILITARY_LADDER, null, 'Brigadier')).toMatchObject({ code: 'OF-6', source: 'title' });
  });

  it('public frameworks: Dropbox, Financial Times (with id drift), Engineering Ladders, Medium', () => {
    expect(resolveLevel(DROPBOX_LADDER, 'M3', null)).toMatchObject({ track: 'manager', rank: 3 });
    expect(resolveLevel(DROPBOX_LADDER, null, 'Sr. Principal Reliability Engineer').code).toBe('IC7');
    expect(resolveLevel(FINANCIAL_TIMES_LADDER, 'senior1', null)).toMatchObject({
      code: 'senior-1',
      track: null,
    });
    expect(resolveLevel(FINANCIAL_TIMES_LADDER, 'senior-2-pm', null)).toMatchObject({
      track: 'manager',
      rank: 4,
    });
    expect(resolveLevel(FINANCIAL_TIMES_LADDER, null, 'Principal Engineer (People Manager)').code).toBe(
      'principal-pm',
    );
    expect(resolveLevel(ENGINEERING_LADDERS_LADDER, 'TL5', null)).toMatchObject({ track: 'ic', rank: 5 });
    expect(resolveLevel(ENGINEERING_LADDERS_LADDER, 'em7', null)).toMatchObject({
      track: 'manager',
      rank: 7,
    });
    expect(resolveLevel(MEDIUM_LADDER, null, 'Senior Group Lead')).toMatchObject({
      track: 'manager',
      rank: 4,
    });
    expect(resolveLevel(MEDIUM_LADDER, '3.2', null).code).toBe('Senior Engineer');
  });

  it('infers nothing from an empty title', () => {
    expect(inferLevelFromTitle(DEFAULT_LADDER, '   ')).toBeNull();
  });
});

describe('chooseLadder', () => {
  it('picks the preset that resolves the most level cells', () => {
    const rows = (levels: (string | null)[]) => levels.map((level) => ({ level }));
    expect(chooseLadder(rows(['SCS1', 'A2 (G7)', 'B1 (HEO)', 'Grade 7'])).id).toBe('uk-civil-service');
    expect(chooseLadder(rows(['IC3', 'IC4', 'M1'])).id).toBe('default');
    expect(chooseLadder(rows(['L5', 'L6', 'L7'])).id).toBe('google');
    expect(chooseLadder(rows(['OF-3', 'Major', 'Colonel'])).id).toBe('military');
    expect(chooseLadder(rows([null, '', null])).id).toBe('default');
  });
});
