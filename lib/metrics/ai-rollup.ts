/**
 * Rolls AI-usage rows of one period up the org tree of the snapshot in force. Pure.
 * - person rows join an employee (ai-identity.ts) and count at that person's node; rows that join
 *   nobody are counted as unmatched (never silently dropped: see unmatchedShare).
 * - team rows (team_manager_id) count at the manager's node, so they roll up into the manager's
 *   subtree and every ancestor subtree. A team row of a tool fills in only the measures (active
 *   users, suggestions, lines, PRs, PR share, spend) that no person row of the same tool gives for
 *   a person of that team (the manager and their direct reports) in the period: a figure people
 *   give is never added again from their team's report of it. A team row whose manager is in no snapshot in force counts
 *   for the whole organisation only, and only its spend (SPEC: AI spend is the usage of every
 *   report; the organisation pays it): its engineers and active users cannot be placed, so they
 *   count as unmatched (unmatchedShare), and no subtree gets any of it.
 * - org rows (a whole GitHub organisation / Cursor team) belong to the organisation only; for each
 *   tool they fill in only what that tool's person and team rows do not report (so a Copilot
 *   organisation report adds merged PRs, but never doubles suggestions already given per user), and
 *   an enterprise report only what the tool's organisation reports do not give either.
 * Engineers of a group: per team with a team row that counts its users (a team = its manager and
 * their direct reports), the larger of the engineers its rows report and its people counted one by
 * one; outside those teams, the people with a GitHub login or with joined AI usage, when the period
 * has person- or organisation-level data. AI-active users the same way: per such team the larger of
 * its rows' active users and its distinct active people (the same people, never added), plus the
 * distinct active people outside those teams. Distinct over the period: a
 * person is counted once however many days, tools or identities they appear under; a team row
 * counts its largest active-user figure in the period (a lower bound: the same people recur).
 */
import {
  AI_TOTAL_FIELDS,
  daysInclusive,
  emptyAiTotals,
  monthsCovered,
  type AiCoverage,
  type AiTotals,
} from '@/lib/metrics/ai';
import {
  identityKey,
  matchIdentity,
  type IdentityIndex,
  type IdentityKeys,
  type IdentityMatch,
} from '@/lib/metrics/ai-identity';
import type { ToolReport } from '@/lib/metrics/ai-delivery';
import { NodeKind } from '@/lib/metrics/roles';
import type { OrgTree } from '@/lib/metrics/tree';

/** Usage rows of one subject over one period, summed (SQL does this; tests build them by hand). */
export interface AiAggregate extends IdentityKeys {
  tool: string;
  subjectKind: 'person' | 'team' | 'org';
  teamManagerId: string | null;
  orgKey: string | null;
  periodStart: string;
  periodEnd: string;
  rows: number;
  /** rows with any AI activity */
  activeRows: number;
  /** largest value over the rows (team and org rows) */
  engineers: number | null;
  aiActiveUsers: number | null;
  /** any row active (person rows) */
  active: boolean;
  /** sums over rows that report both numbers of the pair; null when no row does */
  suggestions: number | null;
  acceptances: number | null;
  linesSuggested: number | null;
  linesAccepted: number | null;
  /** lines accepted over every row, with or without lines suggested (absent = linesAccepted) */
  linesAi?: number | null;
  prsForShare: number | null;
  aiAssistedPrs: number | null;
  /** sums over rows reporting the value */
  prsMerged: number | null;
  spendUsd: number | null;
  /**
   * organisation rows: false when every row of the aggregate covers one feature of the tool only
   * (stored with a `~feature` subject key, e.g. Windsurf Cascade); absent or true = the whole tool
   */
  wholeTool?: boolean;
  /** period covered by the rows reporting PRs / spend */
  prStart: string | null;
  prEnd: string | null;
  spendStart: string | null;
  spendEnd: string | null;
}

const F = AI_TOTAL_FIELDS.length;
const FI = Object.fromEntries(AI_TOTAL_FIELDS.map((f, i) => [f, i])) as Record<keyof AiTotals, number>;

export interface AiRollup {
  tree: OrgTree;
  /** per node, F fields (AI_TOTAL_FIELDS order): what the node itself adds */
  own: Float64Array;
  /**
   * organisation-level rows (count for the whole organisation only), with the spend of team rows
   * whose manager is in no snapshot in force
   */
  org: AiTotals;
  /** of `org`: the spend of team rows whose manager is in no snapshot in force, USD */
  unmatchedTeamSpendUsd: number;
  /** what each team and organisation row adds, per tool (the per-tool table: ToolReport) */
  toolReports: ToolReport[];
  coverage: AiCoverage;
  matchedActiveUsers: number;
  unmatchedActiveUsers: number;
  /** unmatched / (matched + unmatched) active users; null when nobody is active */
  unmatchedShare: number | null;
  /** spend of person rows joined to nobody (the organisation pays it; lib/views/ai-figures.ts) */
  unmatchedSpendUsd: number;
  /** per aggregate (same order as the input): how it was joined */
  matches: Array<IdentityMatch | null>;
}

function addPairs(own: Float64Array, base: number, a: AiAggregate, skip: ReadonlySet<string> | null): void {
  const put = (field: keyof AiTotals, v: number) => {
    own[base + FI[field]] = (own[base + FI[field]] ?? 0) + v;
  };
  if (a.suggestions !== null && a.acceptances !== null && !skip?.has('count')) {
    put('suggestions', a.suggestions);
    put('acceptances', a.acceptances);
    put('countRows', 1);
  }
  if (a.linesSuggested !== null && a.linesAccepted !== null && !skip?.has('lines')) {
    put('linesSuggested', a.linesSuggested);
    put('linesAccepted', a.linesAccepted);
    put('lineRows', 1);
  }
  if (a.prsMerged !== null && !skip?.has('prs')) {
    put('prsMerged', a.prsMerged);
    put('prRows', 1);
  }
  if (a.prsForShare !== null && a.aiAssistedPrs !== null && !skip?.has('prShare')) {
    put('prsForShare', a.prsForShare);
    put('aiAssistedPrs', a.aiAssistedPrs);
    put('prShareRows', 1);
  }
  if (a.spendUsd !== null && !skip?.has('spend')) {
    put('spendUsd', a.spendUsd);
    put('spendRows', 1);
  }
}

const NOTHING: ReadonlySet<string> = new Set();

/** Only the spend of a row, not its users or counts (team rows joined to nobody: see the file comment). */
const SPEND_ONLY: ReadonlySet<string> = new Set(['active', 'count', 'lines', 'prs', 'prShare']);

/** Adds the measures a row reports ('active' for every row: it says who used the tool) to `s`. */
function addMeasures(s: Set<string>, a: AiAggregate): Set<string> {
  s.add('active');
  if (a.suggestions !== null && a.acceptances !== null) s.add('count');
  if (a.linesSuggested !== null && a.linesAccepted !== null) s.add('lines');
  // lines added by AI alone (Claude Code and Windsurf report no lines suggested): the per-tool table's
  // "lines added by AI" adds them, so a report covering the same use must not add its lines again
  if (a.linesAccepted !== null || (a.linesAi ?? null) !== null) s.add('linesAi');
  if (a.prsMerged !== null) s.add('prs');
  if (a.prsForShare !== null && a.aiAssistedPrs !== null) s.add('prShare');
  if (a.spendUsd !== null) s.add('spend');
  return s;
}

/**
 * What a team or organisation row leaves out, given the measures other rows give: its lines too when
 * they give lines added by AI without lines suggested, unless the row covers only some of the tool's
 * features (Windsurf's Cascade lines beside its per-person autocomplete and chat lines).
 */
function skipOf(given: ReadonlySet<string> | undefined, wholeTool: boolean): ReadonlySet<string> {
  if (!given) return NOTHING;
  if (!wholeTool || given.has('lines') || !given.has('linesAi')) return given;
  return new Set([...given, 'lines']);
}

/** An enterprise-wide report (GitHub Copilot enterprise reports): it restates its organisations'. */
const isEnterprise = (a: AiAggregate) => /^github-enterprise(:|$)/.test(a.orgKey ?? '');

/**
 * Which measures a tool's person and team rows report in the period (org rows fill in the rest);
 * for enterprise-wide rows also what the tool's organisation rows report (an organisation report
 * beside its enterprise's adds the same users and lines once: the narrower one counts).
 */
function reportedByTool(rows: readonly AiAggregate[]): {
  byTool: Map<string, Set<string>>;
  forEnterprise: Map<string, Set<string>>;
  /** what the tool's organisation (not enterprise) rows give */
  orgs: Map<string, Set<string>>;
} {
  const byTool = new Map<string, Set<string>>();
  const orgs = new Map<string, Set<string>>();
  for (const a of rows) {
    if (a.subjectKind !== 'org') byTool.set(a.tool, addMeasures(byTool.get(a.tool) ?? new Set<string>(), a));
    else if (!isEnterprise(a)) {
      const m = addMeasures(new Set<string>(), a);
      if (a.aiActiveUsers === null) m.delete('active');
      const s = orgs.get(a.tool) ?? new Set<string>();
      for (const x of m) s.add(x);
      orgs.set(a.tool, s);
    }
  }
  const forEnterprise = new Map<string, Set<string>>();
  for (const [tool, m] of orgs) forEnterprise.set(tool, new Set([...m, ...(byTool.get(tool) ?? [])]));
  return { byTool, forEnterprise, orgs };
}

/** Rolls one period's aggregates onto the tree; `manual` = saved hand mappings (lower-case identity -> employee id). */
export function buildAiRollup(
  index: IdentityIndex,
  rows: readonly AiAggregate[],
  manual: ReadonlyMap<string, string>,
): AiRollup {
  const { tree } = index;
  const n = tree.size;
  const own = new Float64Array(n * F);
  const personActive = new Uint8Array(n);
  const aiMatched = new Uint8Array(n);
  const teamHas = new Uint8Array(n);
  const teamEng = new Float64Array(n);
  const teamAct = new Float64Array(n);
  const unmatchedActive = new Set<string>();
  const unmatchedTeams = new Map<string, number>();
  const orgOwn = new Float64Array(F);
  const orgActive = new Map<string, number>();
  const orgEngineers = new Map<string, number>();
  const reported = reportedByTool(rows);
  const matches: Array<IdentityMatch | null> = [];
  let prStart: string | null = null;
  let prEnd: string | null = null;
  let spendStart: string | null = null;
  let spendEnd: string | null = null;
  const cover = (a: AiAggregate, skip: ReadonlySet<string> | null) => {
    if (a.prsMerged !== null && a.prStart && a.prEnd && !skip?.has('prs')) {
      if (prStart === null || a.prStart < prStart) prStart = a.prStart;
      if (prEnd === null || a.prEnd > prEnd) prEnd = a.prEnd;
    }
    if (a.spendUsd !== null && a.spendStart && a.spendEnd && !skip?.has('spend')) {
      if (spendStart === null || a.spendStart < spendStart) spendStart = a.spendStart;
      if (spendEnd === null || a.spendEnd > spendEnd) spendEnd = a.spendEnd;
    }
  };
  let hasPersonOrOrg = false;
  let unmatchedSpend = 0;
  let unmatchedTeamSpend = 0;
  const toolReports: ToolReport[] = [];
  // what the roll-up takes from a team or organisation row, per tool (`skip` = what it leaves out)
  const report = (a: AiAggregate, node: number, skip: ReadonlySet<string>) =>
    toolReports.push({
      tool: a.tool,
      node,
      spendUsd: skip.has('spend') ? 0 : (a.spendUsd ?? 0),
      activeUsers: skip.has('active') ? 0 : (a.aiActiveUsers ?? 0),
      linesAi:
        skip.has('lines') || a.linesSuggested === null || a.linesAccepted === null ? 0 : a.linesAccepted,
    });

  // Person rows first: a team row of a tool fills in only what no person row of the same tool gives
  // for a person of that team (the manager and their direct reports) in the period.
  const personMatch: Array<IdentityMatch | null> = rows.map((a) =>
    a.subjectKind === 'person' ? matchIdentity(index, a, manual) : null,
  );
  // only the teams that have a team row are looked at (most periods have none)
  const teamNodes = new Set<number>();
  for (const a of rows) {
    const i = a.subjectKind === 'team' && a.teamManagerId ? tree.indexById.get(a.teamManagerId) : undefined;
    if (i !== undefined) teamNodes.add(i);
  }
  const givenInTeam = new Map<string, Set<string>>();
  const give = (node: number, a: AiAggregate) => {
    if (!teamNodes.has(node)) return;
    const key = `${node}\u0000${a.tool}`;
    givenInTeam.set(key, addMeasures(givenInTeam.get(key) ?? new Set<string>(), a));
  };
  if (teamNodes.size > 0)
    rows.forEach((a, k) => {
      const m = personMatch[k];
      if (!m || m.status !== 'matched') return;
      give(m.index, a);
      const p = tree.parent[m.index] ?? -1;
      if (p >= 0) give(p, a);
    });

  rows.forEach((a, k) => {
    if (a.subjectKind === 'person') {
      hasPersonOrOrg = true;
      const m = personMatch[k] ?? matchIdentity(index, a, manual);
      matches.push(m);
      if (m.status !== 'matched') {
        if (a.active) unmatchedActive.add(identityKey(a));
        unmatchedSpend += a.spendUsd ?? 0;
        return;
      }
      aiMatched[m.index] = 1;
      if (a.active) personActive[m.index] = 1;
      addPairs(own, m.index * F, a, null);
      cover(a, null);
    } else if (a.subjectKind === 'team') {
      matches.push(null);
      const i = a.teamManagerId ? tree.indexById.get(a.teamManagerId) : undefined;
      if (i === undefined) {
        const key = a.teamManagerId ?? '';
        unmatchedTeams.set(key, Math.max(unmatchedTeams.get(key) ?? 0, a.aiActiveUsers ?? 0));
        addPairs(orgOwn, 0, a, SPEND_ONLY);
        cover(a, SPEND_ONLY);
        unmatchedTeamSpend += a.spendUsd ?? 0;
        report(a, -1, SPEND_ONLY);
        return;
      }
      const skip = skipOf(givenInTeam.get(`${i}\u0000${a.tool}`), true);
      report(a, i, skip);
      if (!skip.has('active')) {
        teamHas[i] = 1;
        teamEng[i] = Math.max(teamEng[i] ?? 0, a.engineers ?? 0);
        teamAct[i] = Math.max(teamAct[i] ?? 0, a.aiActiveUsers ?? 0);
      }
      addPairs(own, i * F, a, skip);
      cover(a, skip);
    } else {
      hasPersonOrOrg = true;
      matches.push(null);
      const given = isEnterprise(a)
        ? (reported.forEnterprise.get(a.tool) ?? reported.byTool.get(a.tool))
        : reported.byTool.get(a.tool);
      const skip = skipOf(given, a.wholeTool !== false);
      addPairs(orgOwn, 0, a, skip);
      cover(a, skip);
      report(a, -1, skip);
      const key = `${a.tool}:${a.orgKey ?? ''}`;
      if (!skip.has('active') && a.aiActiveUsers !== null)
        orgActive.set(key, Math.max(orgActive.get(key) ?? 0, a.aiActiveUsers));
      // an enterprise's engineers are its organisations' again
      if (a.engineers !== null && !(isEnterprise(a) && reported.orgs.get(a.tool)?.has('active')))
        orgEngineers.set(key, Math.max(orgEngineers.get(key) ?? 0, a.engineers));
    }
  });

  // A person counts at their own node, or, inside a team with a team row, at the team's manager,
  // where the team counts the larger of its reported figure and its people's own (the two describe
  // the same people: adding them would count someone twice).
  const ownEng = new Float64Array(n);
  const ownAct = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const kind = tree.kind[i];
    if (kind === NodeKind.vacant || tree.aggregated[i] === 1) continue;
    const p = tree.parent[i] ?? -1;
    const at = teamHas[i] === 1 ? i : p >= 0 && teamHas[p] === 1 ? p : i;
    const hasLogin = !!tree.records[i]?.githubLogin;
    if (hasPersonOrOrg && (hasLogin || aiMatched[i] === 1)) ownEng[at] = (ownEng[at] ?? 0) + 1;
    ownAct[at] = (ownAct[at] ?? 0) + (personActive[i] ?? 0);
  }
  let matchedActiveUsers = 0;
  for (let i = 0; i < n; i++) {
    const team = teamHas[i] === 1;
    const eng = team ? Math.max(teamEng[i] ?? 0, ownEng[i] ?? 0) : (ownEng[i] ?? 0);
    const act = team ? Math.max(teamAct[i] ?? 0, ownAct[i] ?? 0) : (ownAct[i] ?? 0);
    own[i * F + FI.engineers] = eng;
    own[i * F + FI.activeUsers] = act;
    matchedActiveUsers += act;
  }
  const org = emptyAiTotals();
  for (const f of AI_TOTAL_FIELDS) org[f] = orgOwn[FI[f]] ?? 0;
  for (const v of orgActive.values()) org.activeUsers += v;
  // Organisation rows give engineers only when nothing else does (see unitTotals).
  org.engineers = [...orgEngineers.values()].reduce((s, v) => s + v, 0);
  let unmatchedActiveUsers = unmatchedActive.size;
  for (const v of unmatchedTeams.values()) unmatchedActiveUsers += v;
  const all = matchedActiveUsers + unmatchedActiveUsers;
  const coverage: AiCoverage = {
    prDays: prStart && prEnd ? daysInclusive(prStart, prEnd) : null,
    spendMonths: spendStart && spendEnd ? monthsCovered(spendStart, spendEnd) : null,
  };
  return {
    tree,
    own,
    org,
    coverage,
    matchedActiveUsers,
    unmatchedActiveUsers,
    unmatchedShare: all > 0 ? Math.round((unmatchedActiveUsers / all) * 10000) / 10000 : null,
    unmatchedSpendUsd: unmatchedSpend,
    unmatchedTeamSpendUsd: unmatchedTeamSpend,
    toolReports,
    matches,
  };
}

function readTotals(arr: Float64Array, base: number): AiTotals {
  const t = emptyAiTotals();
  for (const f of AI_TOTAL_FIELDS) t[f] = arr[base + FI[f]] ?? 0;
  return t;
}

/**
 * Totals of a unit: the given record indices (null = the whole organisation, which also gets the
 * organisation-level rows; their engineer count is used only when the tree gives none).
 */
export function unitAiTotals(r: AiRollup, nodes: Int32Array | null): AiTotals {
  const sum = new Float64Array(F);
  const visit = (i: number) => {
    const base = i * F;
    for (let k = 0; k < F; k++) sum[k] = (sum[k] ?? 0) + (r.own[base + k] ?? 0);
  };
  if (nodes === null) for (let i = 0; i < r.tree.size; i++) visit(i);
  else for (const i of nodes) visit(i);
  const t = readTotals(sum, 0);
  if (nodes !== null) return t;
  for (const f of AI_TOTAL_FIELDS) if (f !== 'engineers') t[f] += r.org[f];
  if (t.engineers === 0) t.engineers = r.org.engineers;
  return t;
}

/** Totals of every node's whole subtree (the node and everyone below), for per-manager tables. */
export function subtreeAiTotals(r: AiRollup): (i: number) => AiTotals {
  const cum = Float64Array.from(r.own);
  const { order, parent } = r.tree;
  for (let k = order.length - 1; k >= 0; k--) {
    const v = order[k] ?? 0;
    const p = parent[v] ?? -1;
    if (p < 0) continue;
    for (let f = 0; f < F; f++) cum[p * F + f] = (cum[p * F + f] ?? 0) + (cum[v * F + f] ?? 0);
  }
  return (i) => readTotals(cum, i * F);
}
