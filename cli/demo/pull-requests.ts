/**
 * The demo company's pull requests: drawn month by month for every engineer with a GitHub login,
 * kept as compact numbers, and written at the end as one JSON array per repository, shaped like
 * GET /repos/{owner}/{repo}/pulls?state=all (newest first), trimmed to the documented fields an
 * importer reads. Copilot coding-agent PRs are authored by the Copilot bot with the engineer as
 * assignee; Claude Code PRs carry its "Generated with" line and Co-Authored-By trailer in the body.
 */
import {
  CLAUDE,
  COPILOT,
  PROFILE_OF_DEPT,
  PR_MONTHS,
  weekday,
  type AiMonthContext,
} from '@/cli/demo/ai-people';
import { isoOfDay } from '@/cli/demo/dates';
import type { OrgRows } from '@/cli/demo/org-csv';
import type { Population } from '@/cli/demo/population';
import { createRng, hashInts, hashUnit, type Rng } from '@/cli/demo/prng';
import { ByteWriter } from '@/cli/demo/text';

export const GITHUB_ORG = 'northwind-demo';
const COPILOT_BOT = { login: 'Copilot', id: 198982749, type: 'Bot' };
const LABELS = ['bug', 'enhancement', 'chore', 'dependencies', 'documentation'];
const TITLES = ['Fix', 'Add', 'Refactor', 'Update', 'Remove', 'Speed up', 'Handle'];
const THINGS = [
  'retry logic',
  'feature flag',
  'API pagination',
  'error messages',
  'cache keys',
  'tests',
  'logging',
];
const CLAUDE_BODY =
  '\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>';

/** Flag bits of a stored PR. */
const BY_COPILOT = 1;
const WITH_CLAUDE = 2;

/** GitHub's numeric user id of a demo person (stable, distinct). */
export function githubUserId(empNo: number): number {
  return 5_000_000 + empNo * 7;
}

/** Merged PRs per day, for the Copilot organization report. */
export interface DayPrCounts {
  created: Int32Array;
  merged: Int32Array;
  createdByCopilot: Int32Array;
  mergedByCopilot: Int32Array;
}

function poisson(rng: Rng, mean: number): number {
  // Knuth's method is fine for the small means here (a few PRs a month).
  const l = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rng.next();
  } while (p > l && k < 200);
  return k - 1;
}

/** Collects the PRs of the PR window and counts every month's PRs per day. */
export class PullRequestLog {
  readonly repos: string[] = [];
  private readonly repoIndex = new Map<string, number>();
  private slot: number[] = [];
  private repo: number[] = [];
  private created: number[] = [];
  private merged: number[] = [];
  private closed: number[] = [];
  private flags: number[] = [];
  private lastSecond = 0;

  constructor(private readonly endDay: number) {
    this.lastSecond = (endDay + 1) * 86400 - 1;
  }

  private repoOf(name: string): number {
    let i = this.repoIndex.get(name);
    if (i === undefined) {
      i = this.repos.length;
      this.repos.push(name);
      this.repoIndex.set(name, i);
    }
    return i;
  }

  /**
   * Draw the month's PRs of the given engineers (slot, tools bits); returns per-day counts of the
   * month for the Copilot organization report. Kept for writing only inside the PR window.
   */
  drawMonth(c: AiMonthContext, engineers: Int32Array, tools: Uint8Array): DayPrCounts {
    const { sim } = c;
    const { pop, seed } = sim;
    const days = sim.monthEnd - sim.monthStart + 1;
    const counts: DayPrCounts = {
      created: new Int32Array(days),
      merged: new Int32Array(days),
      createdByCopilot: new Int32Array(days),
      mergedByCopilot: new Int32Array(days),
    };
    const keep = c.monthsLeft < PR_MONTHS;
    const rng = createRng(hashInts(seed, sim.month, 0xb2));
    const weeks = days / 7;
    for (let k = 0; k < engineers.length; k++) {
      const s = engineers[k] ?? 0;
      if (pop.gh[s] !== 1) continue;
      const no = pop.empNo[s] ?? 0;
      const p = PROFILE_OF_DEPT[pop.dept[s] ?? 0];
      if (!p) continue;
      const t = tools[k] ?? 0;
      const manager = (pop.level[s] ?? 0) >= 8;
      const base = manager ? 0.3 : 1.05 + 0.7 * hashUnit(seed, no, 20);
      const rate = base * (t !== 0 ? 1 + p.uplift : 1);
      const n = poisson(rng, rate * weeks);
      // Copilot coding-agent PRs come on top of the engineer's own (the bot authors them).
      const bot = (t & COPILOT) !== 0 ? poisson(rng, weeks * (0.05 + 0.2 * c.progress)) : 0;
      const m = pop.mgr[s] ?? -1;
      const repo = this.repoOf(
        p.repos[hashInts(seed, m >= 0 ? (pop.empNo[m] ?? 0) : 0, 21) % p.repos.length] ?? 'monorepo',
      );
      for (let i = 0; i < n + bot; i++) {
        let day = sim.monthStart + rng.int(days);
        const wd = weekday(day);
        // weekends move to the nearest weekday of the same month (the month's PRs stay in it)
        if (wd === 6) day += day - 1 >= sim.monthStart ? -1 : 2;
        else if (wd === 0) day += day + 1 <= sim.monthEnd ? 1 : -2;
        const createdAt = day * 86400 + (7 + rng.int(11)) * 3600 + rng.int(3600);
        let flags = 0;
        if (i >= n) flags |= BY_COPILOT;
        else if ((t & CLAUDE) !== 0 && rng.next() < 0.35) flags |= WITH_CLAUDE;
        const hours = p.cycleHours * Math.exp(0.95 * rng.normal());
        const fate = rng.next();
        let mergedAt = -1;
        let closedAt = -1;
        if (fate < 0.9) {
          mergedAt = createdAt + Math.round(hours * 3600);
          closedAt = mergedAt;
        } else if (fate < 0.97) {
          closedAt = createdAt + Math.round(hours * 3600 * 2);
        }
        if (closedAt > this.lastSecond) {
          mergedAt = -1;
          closedAt = -1;
        }
        const d = day - sim.monthStart;
        counts.created[d] = (counts.created[d] ?? 0) + 1;
        if ((flags & BY_COPILOT) !== 0) counts.createdByCopilot[d] = (counts.createdByCopilot[d] ?? 0) + 1;
        if (mergedAt >= 0) {
          const md = Math.floor(mergedAt / 86400) - sim.monthStart;
          if (md < days) {
            counts.merged[md] = (counts.merged[md] ?? 0) + 1;
            if ((flags & BY_COPILOT) !== 0)
              counts.mergedByCopilot[md] = (counts.mergedByCopilot[md] ?? 0) + 1;
          }
        }
        if (!keep) continue;
        this.slot.push(s);
        this.repo.push(repo);
        this.created.push(createdAt);
        this.merged.push(mergedAt);
        this.closed.push(closedAt);
        this.flags.push(flags);
      }
    }
    return counts;
  }

  /** Number of PRs kept for writing. */
  get size(): number {
    return this.slot.length;
  }

  /** Write one file per repository (github-pulls-<repo>.json); returns the names written. */
  write(
    rows: OrgRows,
    pop: Population,
    seed: number,
    open: (name: string) => void,
    emit: (chunk: Uint8Array) => void,
    close: () => void,
  ): string[] {
    const names: string[] = [];
    const byRepo: number[][] = this.repos.map(() => []);
    for (let i = 0; i < this.slot.length; i++) byRepo[this.repo[i] ?? 0]?.push(i);
    const iso = (sec: number) =>
      `${isoOfDay(Math.floor(sec / 86400))}T${new Date(sec * 1000).toISOString().slice(11, 19)}Z`;
    const order = this.repos.map((name, r) => ({ name, r })).sort((a, b) => a.name.localeCompare(b.name));
    for (const { name, r } of order) {
      const list = byRepo[r] ?? [];
      list.sort((a, b) => (this.created[a] ?? 0) - (this.created[b] ?? 0) || a - b);
      const first = 100 + (hashInts(seed, r, 22) % 900);
      const full = `${GITHUB_ORG}/${name}`;
      const file = `github-pulls-${name}.json`;
      names.push(file);
      open(file);
      const out = new ByteWriter(emit);
      out.text('[');
      // Newest first, as the API returns them.
      for (let j = list.length - 1; j >= 0; j--) {
        const i = list[j] ?? 0;
        const number = first + j;
        const s = this.slot[i] ?? 0;
        const f = this.flags[i] ?? 0;
        const login = rows.githubLogin(s);
        const person = { login, id: githubUserId(pop.empNo[s] ?? 0), type: 'User' };
        const created = this.created[i] ?? 0;
        const merged = this.merged[i] ?? -1;
        const closed = this.closed[i] ?? -1;
        const h = hashInts(seed, r, number);
        const title = `${TITLES[h % TITLES.length] ?? 'Fix'} ${THINGS[(h >>> 8) % THINGS.length] ?? 'tests'}`;
        const labels = (h >>> 16) % 3 === 0 ? [{ name: LABELS[(h >>> 20) % LABELS.length] ?? 'bug' }] : [];
        const pr = {
          id: 2_000_000_000 + r * 1_000_000 + number,
          html_url: `https://github.com/${full}/pull/${number}`,
          number,
          state: closed >= 0 ? 'closed' : 'open',
          title: (f & BY_COPILOT) !== 0 ? `[WIP] ${title}` : title,
          user: (f & BY_COPILOT) !== 0 ? COPILOT_BOT : person,
          body: (f & WITH_CLAUDE) !== 0 ? `${title}.${CLAUDE_BODY}` : null,
          labels,
          assignees: (f & BY_COPILOT) !== 0 ? [person] : [],
          created_at: iso(created),
          updated_at: iso(closed >= 0 ? closed : created),
          closed_at: closed >= 0 ? iso(closed) : null,
          merged_at: merged >= 0 ? iso(merged) : null,
          draft: false,
          head: { ref: (f & BY_COPILOT) !== 0 ? `copilot/fix-${number}` : `${login}/change-${number}` },
          base: { ref: 'main', repo: { full_name: full } },
        };
        out.text(`${j === list.length - 1 ? '' : ','}\n${JSON.stringify(pr)}`);
      }
      out.text('\n]\n');
      out.flush();
      close();
    }
    return names;
  }
}
