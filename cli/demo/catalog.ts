/**
 * The demo company's fixed catalogue: level codes, locations and employment types (departments
 * are in departments.ts). Level indices: 0..7 = IC1..IC8, 8..13 = M1..M6.
 */
export const LEVEL_CODES = 'IC1 IC2 IC3 IC4 IC5 IC6 IC7 IC8 M1 M2 M3 M4 M5 M6'.split(' ');
export const LEVEL_COUNT = LEVEL_CODES.length;
/** First manager-track level index (M1). */
export const M1 = 8;
export const M6 = 13;

/** true for IC-track level indices. */
export function isIcLevel(level: number): boolean {
  return level < M1;
}

export const LOCATIONS = [
  'San Francisco',
  'New York',
  'Austin',
  'Toronto',
  'London',
  'Dublin',
  'Berlin',
  'Bangalore',
  'Singapore',
  'Remote (US)',
  'Remote (EU)',
] as const;
/** Location mixes (weights over LOCATIONS) for engineering, sales, support and corporate teams. */
//                      SF  NY AUS TOR LON DUB BER BLR SIN RUS REU
export const ENG_LOC = [18, 8, 6, 7, 9, 4, 9, 14, 4, 13, 8];
export const SALES_LOC = [12, 20, 8, 5, 16, 6, 6, 3, 8, 12, 4];
export const SUPPORT_LOC = [4, 3, 18, 4, 4, 22, 3, 26, 10, 4, 2];
export const CORP_LOC = [30, 20, 8, 4, 12, 6, 4, 6, 2, 6, 2];

export const EMPLOYMENT_TYPES = ['Full-time', 'Part-time', 'Contractor'] as const;
