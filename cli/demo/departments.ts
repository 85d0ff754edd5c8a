/**
 * The demo company's departments: headcount weights, IC ladder ceilings (index into LEVEL_CODES),
 * titles per level, AI-adoption offsets and location mix.
 */
import { CORP_LOC, ENG_LOC, M1, M6, SALES_LOC, SUPPORT_LOC } from '@/cli/demo/catalog';

export interface DepartmentDef {
  name: string;
  /** Cost centre code. */
  costCenter: string;
  engineering: boolean;
  /** Share of headcount (relative). */
  weight: number;
  /** Highest IC level index reachable in this department (IC ladder ceiling). */
  icCeiling: number;
  icTitles: readonly string[];
  managerTitles: readonly string[];
  /** Added to the company AI-adoption curve for this department's teams. */
  aiOffset: number;
  /** Relative weights over LOCATIONS. */
  locationWeights: readonly number[];
}

const SWE = (prefix: string): string[] => [
  `Associate ${prefix}Engineer`,
  `${prefix}Engineer`,
  `Senior ${prefix}Engineer`,
  `Staff ${prefix}Engineer`,
  `Senior Staff ${prefix}Engineer`,
  `Principal ${prefix}Engineer`,
  `Senior Principal ${prefix}Engineer`,
  `Distinguished ${prefix}Engineer`,
];
const CORE_SWE = [
  'Associate Software Engineer',
  'Software Engineer',
  'Senior Software Engineer',
  'Staff Engineer',
  'Senior Staff Engineer',
  'Principal Engineer',
  'Senior Principal Engineer',
  'Distinguished Engineer',
];
const ENG_MANAGERS = [
  'Engineering Manager',
  'Senior Engineering Manager',
  'Director of Engineering',
  'Senior Director of Engineering',
  'VP of Engineering',
  'Chief Technology Officer',
];
const business = (fn: string, chief: string): string[] => [
  `${fn} Manager`,
  `Senior ${fn} Manager`,
  `Director of ${fn}`,
  `Senior Director of ${fn}`,
  `VP of ${fn}`,
  chief,
];

/** Index 0 is the executive office (CEO, CTO and their staff); it takes no general hiring. */
export const DEPARTMENTS: readonly DepartmentDef[] = [
  {
    name: 'Executive',
    costCenter: 'CC-1000',
    engineering: false,
    weight: 0,
    icCeiling: 4,
    icTitles: [
      'Executive Assistant',
      'Executive Assistant',
      'Senior Executive Assistant',
      'Chief of Staff',
      'Senior Chief of Staff',
      'Senior Chief of Staff',
      'Senior Chief of Staff',
      'Senior Chief of Staff',
    ],
    managerTitles: [
      'Manager',
      'Senior Manager',
      'Director',
      'Senior Director',
      'Vice President',
      'Chief Executive Officer',
    ],
    aiOffset: 0,
    locationWeights: CORP_LOC,
  },
  {
    name: 'Platform Engineering',
    costCenter: 'CC-2100',
    engineering: true,
    weight: 12,
    icCeiling: 7,
    icTitles: CORE_SWE,
    managerTitles: ENG_MANAGERS,
    aiOffset: 0.05,
    locationWeights: ENG_LOC,
  },
  {
    name: 'Product Engineering',
    costCenter: 'CC-2200',
    engineering: true,
    weight: 22,
    icCeiling: 6,
    icTitles: CORE_SWE,
    managerTitles: ENG_MANAGERS,
    aiOffset: 0.02,
    locationWeights: ENG_LOC,
  },
  {
    name: 'Data & ML',
    costCenter: 'CC-2300',
    engineering: true,
    weight: 8,
    icCeiling: 6,
    icTitles: SWE('Machine Learning '),
    managerTitles: ENG_MANAGERS,
    aiOffset: 0.08,
    locationWeights: ENG_LOC,
  },
  {
    name: 'Infrastructure',
    costCenter: 'CC-2400',
    engineering: true,
    weight: 8,
    icCeiling: 5,
    icTitles: SWE('Site Reliability '),
    managerTitles: ENG_MANAGERS,
    aiOffset: 0,
    locationWeights: ENG_LOC,
  },
  {
    name: 'Security',
    costCenter: 'CC-2500',
    engineering: true,
    weight: 4,
    icCeiling: 5,
    icTitles: SWE('Security '),
    managerTitles: [
      'Security Engineering Manager',
      'Senior Security Engineering Manager',
      'Director, Security Engineering',
      'Senior Director, Security Engineering',
      'VP, Security',
      'Chief Information Security Officer',
    ],
    aiOffset: -0.08,
    locationWeights: ENG_LOC,
  },
  {
    name: 'Mobile',
    costCenter: 'CC-2600',
    engineering: true,
    weight: 6,
    icCeiling: 4,
    icTitles: SWE('Mobile '),
    managerTitles: ENG_MANAGERS,
    aiOffset: -0.02,
    locationWeights: ENG_LOC,
  },
  {
    name: 'QA',
    costCenter: 'CC-2700',
    engineering: true,
    weight: 5,
    icCeiling: 3,
    icTitles: SWE('QA '),
    managerTitles: [
      'QA Manager',
      'Senior QA Manager',
      'Director of Quality Engineering',
      'Senior Director of Quality Engineering',
      'VP of Quality',
      'Chief Quality Officer',
    ],
    aiOffset: -0.05,
    locationWeights: ENG_LOC,
  },
  {
    name: 'Sales',
    costCenter: 'CC-3100',
    engineering: false,
    weight: 12,
    icCeiling: 3,
    icTitles: [
      'Sales Development Representative',
      'Account Executive',
      'Senior Account Executive',
      'Principal Account Executive',
    ],
    managerTitles: business('Sales', 'Chief Revenue Officer'),
    aiOffset: 0,
    locationWeights: SALES_LOC,
  },
  {
    name: 'Customer Support',
    costCenter: 'CC-3200',
    engineering: false,
    weight: 9,
    icCeiling: 2,
    icTitles: ['Support Associate', 'Support Specialist', 'Senior Support Specialist'],
    managerTitles: business('Customer Support', 'Chief Customer Officer'),
    aiOffset: 0,
    locationWeights: SUPPORT_LOC,
  },
  {
    name: 'Marketing',
    costCenter: 'CC-3300',
    engineering: false,
    weight: 6,
    icCeiling: 3,
    icTitles: [
      'Marketing Associate',
      'Marketing Specialist',
      'Senior Marketing Specialist',
      'Principal Marketing Specialist',
    ],
    managerTitles: business('Marketing', 'Chief Marketing Officer'),
    aiOffset: 0,
    locationWeights: CORP_LOC,
  },
  {
    name: 'Finance',
    costCenter: 'CC-4100',
    engineering: false,
    weight: 4,
    icCeiling: 3,
    icTitles: [
      'Junior Financial Analyst',
      'Financial Analyst',
      'Senior Financial Analyst',
      'Principal Financial Analyst',
    ],
    managerTitles: business('Finance', 'Chief Financial Officer'),
    aiOffset: 0,
    locationWeights: CORP_LOC,
  },
  {
    name: 'People',
    costCenter: 'CC-4200',
    engineering: false,
    weight: 4,
    icCeiling: 2,
    icTitles: ['People Coordinator', 'People Partner', 'Senior People Partner'],
    managerTitles: business('People', 'Chief People Officer'),
    aiOffset: 0,
    locationWeights: CORP_LOC,
  },
];

export const EXECUTIVE_DEPT = 0;

/** Level of each department head (index into LEVEL_CODES); the CTO sits above the engineering heads. */
export function headLevel(dept: number): number {
  const name = DEPARTMENTS[dept]?.name;
  return name === 'Sales' || name === 'Finance' ? M6 : M6 - 1;
}

/** Title for a department and level index. */
export function titleFor(dept: number, level: number): string {
  const d = DEPARTMENTS[dept] ?? DEPARTMENTS[0];
  if (d === undefined) return '';
  if (level >= M1) return d.managerTitles[level - M1] ?? '';
  return d.icTitles[Math.min(level, d.icTitles.length - 1)] ?? '';
}
