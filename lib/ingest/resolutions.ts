/**
 * Resolutions of hierarchy defects (SPEC.md "What happens to bad input"): each error class has
 * actions the user chooses per class (not per row); the snapshot records the choices.
 * They are applied in one fixed order, each on what the previous left:
 *   eliminated rows dropped (while reading) -> duplicate-id -> missing-employee-id -> self-manager
 *   -> cycle -> manager-not-found.
 * So a self-manager dropped leaves its reports to manager-not-found (root by default).
 */

/** Codes of the defects that have resolutions, in the order they are applied. */
export const RESOLUTION_CODES = [
  'duplicate-id',
  'missing-employee-id',
  'self-manager',
  'cycle',
  'manager-not-found',
] as const;
export type ResolutionCode = (typeof RESOLUTION_CODES)[number];

/** Actions per code (SPEC table). */
export const RESOLUTION_ACTIONS = {
  'duplicate-id': ['keep-first', 'keep-last', 'drop-all'],
  'missing-employee-id': ['drop'],
  'self-manager': ['root', 'drop'],
  cycle: ['root', 'drop'],
  'manager-not-found': ['root', 'drop'],
} as const satisfies Record<ResolutionCode, readonly string[]>;

export type ResolutionAction<C extends ResolutionCode = ResolutionCode> =
  (typeof RESOLUTION_ACTIONS)[C][number];

/** The chosen action per code (what the upload screen, the CLI and the snapshot row carry). */
export type Resolutions = { [C in ResolutionCode]?: ResolutionAction<C> };

/** Codes an earlier release used for the same defects. */
const OLD_CODES: Readonly<Record<string, ResolutionCode>> = {
  'reporting-cycle': 'cycle',
  orphan: 'manager-not-found',
  'duplicate-id-skipped': 'duplicate-id',
};

/** The SPEC code of a code an older release used (or the code itself). */
export function specCode(code: string): string {
  return OLD_CODES[code] ?? code;
}

/** True for a code that has resolutions. */
export function isResolutionCode(code: string): code is ResolutionCode {
  return (RESOLUTION_CODES as readonly string[]).includes(code);
}

/** True when `action` is one of the code's actions. */
export function isResolutionAction(code: ResolutionCode, action: string): boolean {
  return (RESOLUTION_ACTIONS[code] as readonly string[]).includes(action);
}

/**
 * Reads `CODE=ACTION` pairs (CLI --resolve, form fields); unknown codes or actions are reported as
 * a message, so the caller can refuse them as a usage error.
 */
export function parseResolutionPairs(
  pairs: readonly string[],
): { resolutions: Resolutions } | { error: string } {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const code = specCode(eq === -1 ? pair.trim() : pair.slice(0, eq).trim());
    const action = eq === -1 ? '' : pair.slice(eq + 1).trim();
    if (!isResolutionCode(code))
      return { error: `unknown defect code "${code}"; known: ${RESOLUTION_CODES.join(', ')}.` };
    if (!isResolutionAction(code, action))
      return { error: `${code} takes ${RESOLUTION_ACTIONS[code].join(', ')}, not "${action}".` };
    out[code] = action;
  }
  return { resolutions: out as Resolutions };
}

/** One resolvable defect class of a snapshot, as the upload screen and --json show it. */
export interface ResolutionOffer {
  code: ResolutionCode;
  /** rows (people) the defect touches in the file as read. */
  rows: number;
  /** each action with a one-line explanation naming how many rows it changes. */
  actions: Array<{ action: string; explanation: string }>;
  /** the action applied, if one was chosen (manager-not-found: 'root' by default). */
  chosen?: string;
}

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Counts a defect class had before any resolution, used to word the offer. */
export interface DefectCounts {
  /** duplicate-id: rows after the first of each id, and distinct ids duplicated. */
  duplicateRows: number;
  duplicateIds: number;
  missingIds: number;
  selfManagers: number;
  /** people with a direct report among the self-managers (what 'drop' orphans). */
  selfManagerReports: number;
  cycles: number;
  cycleMembers: number;
  /** rows whose manager is not in the file, junior-staff rows included ... */
  orphans: number;
  /** ... of which junior-staff (aggregated) rows: not people, so not roots or orphans. */
  juniorOrphans: number;
}

/** The offers of a snapshot's defects, with the chosen action of each. */
export function buildOffers(counts: DefectCounts, chosen: Resolutions): ResolutionOffer[] {
  const offers: ResolutionOffer[] = [];
  const add = (code: ResolutionCode, rows: number, actions: Array<[string, string]>): void => {
    if (rows === 0) return;
    const pick = chosen[code];
    offers.push({
      code,
      rows,
      actions: actions.map(([action, explanation]) => ({ action, explanation })),
      ...(pick !== undefined ? { chosen: pick } : {}),
    });
  };
  const d = counts;
  add('duplicate-id', d.duplicateRows + d.duplicateIds, [
    [
      'keep-first',
      `Keep the first row of each of ${plural(d.duplicateIds, 'id')}; drop ${plural(d.duplicateRows, 'later row')}.`,
    ],
    [
      'keep-last',
      `Keep the last row of each of ${plural(d.duplicateIds, 'id')}; drop ${plural(d.duplicateRows, 'earlier row')}.`,
    ],
    [
      'drop-all',
      `Drop all ${plural(d.duplicateRows + d.duplicateIds, 'row')} of the duplicated ids; their reports become orphans.`,
    ],
  ]);
  add('missing-employee-id', d.missingIds, [
    ['drop', `Drop ${plural(d.missingIds, 'row')} without an employee id.`],
  ]);
  add('self-manager', d.selfManagers, [
    [
      'root',
      `${plural(d.selfManagers, 'person', 'people')} recorded as their own manager ${d.selfManagers === 1 ? 'becomes a top' : 'become tops'} of the tree.`,
    ],
    [
      'drop',
      `Drop ${plural(d.selfManagers, 'row')}; their reports (${d.selfManagerReports}) become orphans.`,
    ],
  ]);
  add('cycle', d.cycleMembers, [
    [
      'root',
      `In each of ${plural(d.cycles, 'cycle')}, the member with the highest level (else the first in the file) becomes a root.`,
    ],
    [
      'drop',
      `Drop the ${plural(d.cycleMembers, 'member')} of the cycles; their other reports become orphans.`,
    ],
  ]);
  const people = d.orphans - d.juniorOrphans;
  const juniors =
    d.juniorOrphans === 0
      ? ''
      : `${plural(d.juniorOrphans, 'junior-staff row')} whose reporting post is absent ${d.juniorOrphans === 1 ? 'stays' : 'stay'}: not people, ${d.juniorOrphans === 1 ? 'its' : 'their'} FTE counts at the top of the organisation.`;
  add('manager-not-found', d.orphans, [
    [
      'root',
      [
        people > 0
          ? `${plural(people, 'person', 'people')} whose manager is not in the file ${people === 1 ? 'becomes an extra root' : 'become extra roots'}, flagged orphan (default).`
          : '',
        juniors,
      ]
        .filter(Boolean)
        .join(' '),
    ],
    [
      'drop',
      `Drop ${plural(d.orphans, 'row')} whose manager is not in the file; their own reports become orphans.`,
    ],
  ]);
  return offers;
}

/** The actions available per code of the offers (the CLI's --json `resolutions`). */
export function availableActions(offers: readonly ResolutionOffer[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const o of offers) out[o.code] = o.actions.map((a) => a.action);
  return out;
}

/** Number at the end of a level ('SCS3' -> 3, 'L5' -> 5); null without one. */
function levelNumber(level: string | null): number | null {
  if (level === null) return null;
  const m = /(\d+(?:\.\d+)?)\D*$/.exec(level);
  return m ? Number(m[1]) : null;
}

/**
 * The member of a cycle that becomes its root: the highest level, else the first in the file
 * (lowest line, then position). A level's height is its rank on the ladder (`rankOf`), as the
 * metrics see it: Grade 6 is above Grade 7 and SCS1 above both, which the numbers in the codes
 * do not say. Only when the ladder places none of the members is the number at the end of the
 * level used (SCS3 over SCS2, L5 over L4). Equal levels go to the first in the file.
 */
export function pickCycleRoot<R extends { level: string | null; row: number }>(
  members: readonly number[],
  records: readonly R[],
  rankOf?: (record: R) => number | null,
): number {
  const ranked = rankOf === undefined ? [] : members.map((m) => (records[m] ? rankOf(records[m]) : null));
  const byLadder = ranked.some((r) => r !== null);
  const height = (m: number, k: number): number | null =>
    byLadder ? (ranked[k] ?? null) : levelNumber(records[m]?.level ?? null);
  let best = members[0] ?? -1;
  let bestLevel = height(best, 0);
  let bestRow = records[best]?.row ?? 0;
  members.forEach((m, k) => {
    if (k === 0) return;
    const lv = height(m, k);
    const row = records[m]?.row ?? 0;
    const higher = lv !== null && (bestLevel === null || lv > bestLevel);
    const sameLevelEarlier = lv === bestLevel && (row < bestRow || (row === bestRow && m < best));
    if (higher || sameLevelEarlier) {
      best = m;
      bestLevel = lv;
      bestRow = row;
    }
  });
  return best;
}
