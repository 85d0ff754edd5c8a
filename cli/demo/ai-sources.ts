/**
 * The demo company's AI data in the tools' own export formats (what an admin downloads), so the
 * demo goes through the same importers as an upload. Per month:
 *  - ai-copilot-users-1-day-YYYY-MM.ndjson: Copilot users report, one NDJSON line per user per day
 *    with activity (last DAILY_MONTHS months); earlier months as
 *    ai-copilot-users-YYYY-MM.json, the per-user totals shape ({report_start_day, report_end_day,
 *    user_totals[]}) over the calendar month.
 *  - ai-copilot-org-1-day-YYYY-MM.ndjson: the organization report, one line per day, with
 *    daily_active_users and pull_requests totals (from the same PRs as the github-pulls files).
 *  - billing (last 12 months): ai-copilot-billing-YYYY-MM.json, usage items per user (premium
 *    requests before June 2026, AI credits since); for the last 2 months instead
 *    ai-copilot-billing-usage-YYYY-MM.csv, GitHub's billing usage report (one row per user, model
 *    and day, in AI credits).
 *  - ai-cursor-daily-usage-YYYY-MM.json and ai-cursor-spend-YYYY-MM.json during the Cursor pilot.
 *  - ai-claude-code-YYYY-MM.json (last CLAUDE_MONTHS): Claude Code Admin API usage report records.
 * Once, at the end: ai-copilot-seats.json ({total_seats, seats[]}, with idle seats and a few seats
 * of leavers), ai-cursor-members.json and github-pulls-<repo>.json (pull-requests.ts).
 */
import {
  activeOn,
  CLAUDE,
  CLAUDE_MONTHS,
  COPILOT,
  CURSOR,
  CURSOR_MONTHS,
  DAILY_MONTHS,
  draw,
  hasAdopted,
  intensity,
  isEngineer,
  PROFILE_OF_DEPT,
  toolsOf,
  type AiMonthContext,
} from '@/cli/demo/ai-people';
import { isoOfDay, yearMonthOf } from '@/cli/demo/dates';
import type { OrgRows } from '@/cli/demo/org-csv';
import { hashInts, hashUnit } from '@/cli/demo/prng';
import { githubUserId, GITHUB_ORG, PullRequestLog, type DayPrCounts } from '@/cli/demo/pull-requests';
import type { Structure } from '@/cli/demo/structure';
import { ByteWriter } from '@/cli/demo/text';

const ORG_ID = '31415926';
const ENTERPRISE_ID = '2718281';
const CLAUDE_ORG = '8f14e45f-ceea-4167-a5a3-9bbd2b4f0c1e';
/** Months (counted back from the last) with billing files. */
const BILLING_MONTHS = 12;
/** Months (counted back from the last) billed as the usage report CSV (one row per user, model and day); monthly items before. */
const BILLING_CSV_MONTHS = 2;
/** AI credits included per seat and month, and their price after that. */
const INCLUDED_CREDITS = 300;
const CREDIT_USD = 0.01;
const MS_PER_DAY = 86_400_000;
const MODELS = ['Claude Sonnet 4.5', 'GPT-5', 'GPT-5 mini', 'Gemini 2.5 Pro'];

export interface AiFileSink {
  open(name: string): void;
  write(chunk: Uint8Array): void;
  close(): void;
}

export interface AiMonthTotals {
  files: string[];
  engineers: number;
  /** engineers using at least one tool this month */
  activeUsers: number;
  copilotUsers: number;
  cursorUsers: number;
  claudeUsers: number;
}

/** Copilot counters of one user-day. */
interface CopilotDay {
  interactions: number;
  gen: number;
  acc: number;
  locSuggested: number;
  locSuggestedDel: number;
  locAdded: number;
  locDeleted: number;
  agentGen: number;
  agentAcc: number;
  agentLoc: number;
  chat: boolean;
  agent: boolean;
  cli: boolean;
  credits: number;
}

function copilotDay(c: AiMonthContext, s: number, day: number): CopilotDay {
  const { sim, progress } = c;
  const d = (f: number) => draw(sim, s, day, f);
  const int = intensity(sim, s);
  const agent = d(2) < 0.1 + 0.5 * progress;
  const chat = d(3) < 0.6;
  const cli = d(4) < 0.05 + 0.2 * progress;
  const gen = Math.round(int * (15 + 70 * d(1)));
  const rate = 0.24 + 0.1 * progress + 0.06 * (d(5) - 0.5);
  const acc = Math.round(gen * rate);
  const perLine = 2.2 + 1.6 * d(6);
  const agentGen = agent ? Math.round(2 + 10 * d(7)) : 0;
  const agentAcc = agent ? Math.round(agentGen * (0.5 + 0.4 * d(8))) : 0;
  const agentLoc = agent ? Math.round(10 + 50 * d(9)) : 0;
  const locSuggested = Math.round(gen * perLine);
  const locAdded = Math.round(acc * perLine) + agentLoc;
  return {
    interactions: Math.round(gen * 0.35 + (chat ? 3 + 8 * d(10) : 0)) + agentGen,
    gen,
    acc,
    locSuggested,
    locSuggestedDel: Math.round(locSuggested * 0.15),
    locAdded,
    locDeleted: Math.round(locAdded * 0.12),
    agentGen,
    agentAcc,
    agentLoc,
    chat,
    agent,
    cli,
    // Completions cost no credits; chat with premium models a few, agent sessions most.
    credits: Math.round((agent ? 20 + 160 * d(11) : chat ? 4 * d(11) : 0) * 10) / 10,
  };
}

function copilotCounters(x: CopilotDay) {
  return {
    user_initiated_interaction_count: x.interactions,
    code_generation_activity_count: x.gen + x.agentGen,
    code_acceptance_activity_count: x.acc + x.agentAcc,
    loc_suggested_to_add_sum: x.locSuggested,
    loc_suggested_to_delete_sum: x.locSuggestedDel,
    loc_added_sum: x.locAdded,
    loc_deleted_sum: x.locDeleted,
  };
}

function features(x: CopilotDay) {
  const out: Record<string, string | number>[] = [
    {
      feature: 'code_completion',
      user_initiated_interaction_count: 0,
      code_generation_activity_count: x.gen,
      code_acceptance_activity_count: x.acc,
      loc_suggested_to_add_sum: x.locSuggested,
      loc_suggested_to_delete_sum: x.locSuggestedDel,
      loc_added_sum: x.locAdded - x.agentLoc,
      loc_deleted_sum: x.locDeleted,
    },
  ];
  if (x.agent) {
    out.push({
      feature: 'chat_panel_agent_mode',
      user_initiated_interaction_count: x.agentGen,
      code_generation_activity_count: x.agentGen,
      code_acceptance_activity_count: x.agentAcc,
      loc_suggested_to_add_sum: 0,
      loc_suggested_to_delete_sum: 0,
      loc_added_sum: x.agentLoc,
      loc_deleted_sum: 0,
    });
  }
  return out;
}

const addInto = (t: Record<string, number>, x: Record<string, number>) => {
  for (const [k, v] of Object.entries(x)) t[k] = (t[k] ?? 0) + v;
};

/** Writes one month's AI files; keeps what the end-of-demo files need. */
export class AiSources {
  readonly prs: PullRequestLog;
  private readonly sink: AiFileSink;

  constructor(
    sink: AiFileSink,
    private readonly rows: OrgRows,
    endDay: number,
  ) {
    this.sink = sink;
    this.prs = new PullRequestLog(endDay);
  }

  private file(name: string, body: (out: ByteWriter) => void, files: string[]): void {
    this.sink.open(name);
    const out = new ByteWriter((c) => this.sink.write(c));
    body(out);
    out.flush();
    this.sink.close();
    files.push(name);
  }

  /** Write the month's files (see the module comment). */
  writeMonth(c: AiMonthContext, st: Structure): AiMonthTotals {
    const { sim } = c;
    const { pop } = sim;
    const ym = isoOfDay(sim.monthStart).slice(0, 7);
    const files: string[] = [];
    const list: number[] = [];
    for (let k = 0; k < st.aliveCount; k++) {
      const s = st.order[k] ?? 0;
      if (isEngineer(sim, s)) list.push(s);
    }
    list.sort((a, b) => (pop.empNo[a] ?? 0) - (pop.empNo[b] ?? 0));
    const engineers = Int32Array.from(list);
    const tools = Uint8Array.from(list, (s) => toolsOf(c, s));
    const totals: AiMonthTotals = {
      files,
      engineers: list.length,
      activeUsers: 0,
      copilotUsers: 0,
      cursorUsers: 0,
      claudeUsers: 0,
    };
    for (const t of tools) {
      if (t !== 0) totals.activeUsers++;
      if (t & COPILOT) totals.copilotUsers++;
      if (t & CURSOR) totals.cursorUsers++;
      if (t & CLAUDE) totals.claudeUsers++;
    }
    const prDays = this.prs.drawMonth(c, engineers, tools);
    const days = sim.monthEnd - sim.monthStart + 1;
    const dayActive = new Int32Array(days);
    const dayTotals: Record<string, number>[] = Array.from({ length: days }, () => ({}));
    const dayCli = new Int32Array(days);
    /** per Copilot user: day, credits, day, credits ... */
    const credits = new Map<number, number[]>();

    // Copilot users report.
    const daily = c.monthsLeft < DAILY_MONTHS;
    const userTotals: string[] = [];
    const dailyName = `ai-copilot-users-1-day-${ym}.ndjson`;
    if (daily) this.sink.open(dailyName);
    const out = new ByteWriter((ch) => this.sink.write(ch));
    for (let k = 0; k < engineers.length; k++) {
      if (((tools[k] ?? 0) & COPILOT) === 0) continue;
      const s = engineers[k] ?? 0;
      const login = this.rows.githubLogin(s);
      const id = githubUserId(pop.empNo[s] ?? 0);
      const sum: Record<string, number> = {};
      let agentPrompts = 0;
      let activeDays = 0;
      let used = 0;
      const creditDays: number[] = [];
      for (let d = 0; d < days; d++) {
        const day = sim.monthStart + d;
        if (!activeOn(sim, s, COPILOT, day)) continue;
        const x = copilotDay(c, s, day);
        const counters = copilotCounters(x);
        activeDays++;
        used += x.credits;
        if (x.credits > 0) creditDays.push(day, x.credits);
        dayActive[d] = (dayActive[d] ?? 0) + 1;
        if (x.cli) dayCli[d] = (dayCli[d] ?? 0) + 1;
        addInto(dayTotals[d] ?? {}, counters);
        addInto(sum, counters);
        agentPrompts += x.agentGen;
        if (!daily) continue;
        const line = {
          user_id: id,
          user_login: login,
          day: isoOfDay(day),
          organization_id: ORG_ID,
          enterprise_id: ENTERPRISE_ID,
          ...counters,
          used_agent: x.agent,
          used_chat: x.chat,
          used_cli: x.cli,
          used_copilot_coding_agent: x.agent && x.credits > 150,
          ai_credits_used: x.credits,
          totals_by_feature: features(x),
        };
        out.text(`${JSON.stringify(line)}\n`);
      }
      credits.set(s, creditDays);
      if (!daily && activeDays > 0) {
        userTotals.push(
          JSON.stringify({
            login,
            user_id: id,
            total_active_days: activeDays,
            ...sum,
            ai_credits_used: Math.round(used * 10) / 10,
            totals_by_feature: [
              { feature: 'chat_panel_agent_mode', user_initiated_interaction_count: agentPrompts },
            ],
          }),
        );
      }
    }
    if (daily) {
      out.flush();
      this.sink.close();
      files.push(dailyName);
    } else {
      this.file(
        `ai-copilot-users-${ym}.json`,
        (o) => {
          o.text(
            `{"report_start_day":"${isoOfDay(sim.monthStart)}","report_end_day":"${isoOfDay(sim.monthEnd)}","organization_id":"${ORG_ID}","enterprise_id":"${ENTERPRISE_ID}","created_at":"${isoOfDay(sim.monthEnd + 1)}T03:00:00.000Z","user_totals":[\n`,
          );
          o.text(userTotals.join(',\n'));
          o.text('\n]}\n');
        },
        files,
      );
    }

    this.writeOrgReport(c, ym, days, dayActive, dayCli, dayTotals, prDays, totals.copilotUsers, files);
    if (c.monthsLeft < BILLING_MONTHS) this.writeBilling(c, ym, engineers, tools, credits, files);
    if (c.monthsLeft < CURSOR_MONTHS) this.writeCursor(c, ym, engineers, tools, files);
    if (c.monthsLeft < CLAUDE_MONTHS) this.writeClaude(c, ym, engineers, tools, files);
    if (c.monthsLeft === 0) {
      this.writeSeats(c, files);
      this.writeCursorMembers(c, engineers, tools, files);
      files.push(
        ...this.prs.write(
          this.rows,
          pop,
          sim.seed,
          (n) => this.sink.open(n),
          (ch) => this.sink.write(ch),
          () => this.sink.close(),
        ),
      );
    }
    return totals;
  }

  private writeOrgReport(
    c: AiMonthContext,
    ym: string,
    days: number,
    dayActive: Int32Array,
    dayCli: Int32Array,
    dayTotals: Record<string, number>[],
    pr: DayPrCounts,
    monthly: number,
    files: string[],
  ): void {
    const { sim } = c;
    this.file(
      `ai-copilot-org-1-day-${ym}.ndjson`,
      (o) => {
        for (let d = 0; d < days; d++) {
          const t = dayTotals[d] ?? {};
          const line = {
            day: isoOfDay(sim.monthStart + d),
            organization_id: ORG_ID,
            enterprise_id: ENTERPRISE_ID,
            daily_active_users: dayActive[d] ?? 0,
            daily_active_cli_users: dayCli[d] ?? 0,
            monthly_active_users: monthly,
            user_initiated_interaction_count: t.user_initiated_interaction_count ?? 0,
            code_generation_activity_count: t.code_generation_activity_count ?? 0,
            code_acceptance_activity_count: t.code_acceptance_activity_count ?? 0,
            loc_suggested_to_add_sum: t.loc_suggested_to_add_sum ?? 0,
            loc_suggested_to_delete_sum: t.loc_suggested_to_delete_sum ?? 0,
            loc_added_sum: t.loc_added_sum ?? 0,
            loc_deleted_sum: t.loc_deleted_sum ?? 0,
            pull_requests: {
              total_created: pr.created[d] ?? 0,
              total_reviewed: 0,
              total_merged: pr.merged[d] ?? 0,
              total_created_by_copilot: pr.createdByCopilot[d] ?? 0,
              total_reviewed_by_copilot: 0,
              total_merged_created_by_copilot: pr.mergedByCopilot[d] ?? 0,
            },
          };
          o.text(`${JSON.stringify(line)}\n`);
        }
      },
      files,
    );
  }

  /**
   * What Copilot bills per user beyond the included allowance, in premium requests before June 2026
   * and AI credits since: monthly usage items (JSON), and for the last BILLING_CSV_MONTHS GitHub's
   * billing usage report CSV (one row per user, model and day; the allowance is the discount until
   * it runs out). Seat fees are not here: the
   * seat listing prices them (19 / 39 USD), and both report CSVs skip licence rows.
   */
  private writeBilling(
    c: AiMonthContext,
    ym: string,
    engineers: Int32Array,
    tools: Uint8Array,
    credits: Map<number, number[]>,
    files: string[],
  ): void {
    const { sim } = c;
    const { year, month0 } = yearMonthOf(sim.monthStart);
    const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
    const users: Array<{ login: string; days: number[] }> = [];
    for (let k = 0; k < engineers.length; k++) {
      const s = engineers[k] ?? 0;
      const days = credits.get(s) ?? [];
      if (((tools[k] ?? 0) & COPILOT) === 0 || days.length === 0) continue;
      users.push({ login: this.rows.githubLogin(s), days });
    }
    const creditsEra = year * 12 + month0 >= 2026 * 12 + 5; // June 2026: usage-based billing in AI credits
    if (creditsEra && c.monthsLeft < BILLING_CSV_MONTHS) {
      this.file(
        `ai-copilot-billing-usage-${ym}.csv`,
        (o) => {
          o.text(
            'date,product,sku,model,quantity,unit_type,applied_cost_per_quantity,gross_amount,discount_amount,net_amount,username,organization,repository,cost_center_name,exceeds_quota,total_monthly_quota\n',
          );
          for (const u of users) {
            let left = INCLUDED_CREDITS;
            for (let i = 0; i < u.days.length; i += 2) {
              const day = u.days[i] ?? 0;
              const qty = u.days[i + 1] ?? 0;
              const model = MODELS[hashInts(sim.seed, day, qty * 10) % MODELS.length] ?? 'Auto';
              const covered = Math.min(left, qty);
              left -= covered;
              const gross = r6(qty * CREDIT_USD);
              const discount = r6(covered * CREDIT_USD);
              o.text(
                `${isoOfDay(day)},copilot,copilot_ai_credit,${model},${qty},ai-credits,${CREDIT_USD},${gross},${discount},${r6(gross - discount)},${u.login},${GITHUB_ORG},,,${left <= 0 ? 'True' : 'False'},${INCLUDED_CREDITS}\n`,
              );
            }
          }
        },
        files,
      );
      return;
    }
    const price = creditsEra ? CREDIT_USD : 0.04;
    const perUnit = creditsEra ? 1 : 10; // a premium request was worth about ten of today's credits
    const included = INCLUDED_CREDITS / perUnit;
    const items = users.map((u) => {
      let used = 0;
      for (let i = 1; i < u.days.length; i += 2) used += u.days[i] ?? 0;
      const qty = used / perUnit;
      const discountQ = Math.min(qty, included);
      return {
        product: 'Copilot',
        sku: creditsEra ? 'copilot_ai_credit' : 'copilot_premium_request',
        model: 'Auto',
        unitType: creditsEra ? 'ai-credits' : 'requests',
        pricePerUnit: price,
        grossQuantity: r6(qty),
        grossAmount: r6(qty * price),
        discountQuantity: r6(discountQ),
        discountAmount: r6(discountQ * price),
        netQuantity: r6(qty - discountQ),
        netAmount: r6((qty - discountQ) * price),
        user: u.login,
        organization: GITHUB_ORG,
      };
    });
    this.file(
      `ai-copilot-billing-${ym}.json`,
      (o) => {
        o.text(
          `{"timePeriod":{"year":${year},"month":${month0 + 1}},"organization":"${GITHUB_ORG}","usageItems":[\n`,
        );
        o.text(items.map((i) => JSON.stringify(i)).join(',\n'));
        o.text('\n]}\n');
      },
      files,
    );
  }

  private writeCursor(
    c: AiMonthContext,
    ym: string,
    engineers: Int32Array,
    tools: Uint8Array,
    files: string[],
  ): void {
    const { sim, progress } = c;
    const spend: string[] = [];
    const rowsOut: string[] = [];
    for (let k = 0; k < engineers.length; k++) {
      if (((tools[k] ?? 0) & CURSOR) === 0) continue;
      const s = engineers[k] ?? 0;
      const email = this.rows.email(s);
      let agentDays = 0;
      for (let d = sim.monthStart; d <= sim.monthEnd; d++) {
        const on = activeOn(sim, s, CURSOR, d);
        if (!on) continue;
        const x = (f: number) => draw(sim, s, d, 100 + f);
        const int = intensity(sim, s);
        const tabsShown = Math.round(int * (80 + 300 * x(1)));
        const tabsAccepted = Math.round(tabsShown * (0.22 + 0.15 * x(2)));
        const applies = Math.round(int * (5 + 60 * x(3)));
        const accepts = Math.round(applies * (0.45 + 0.3 * x(4)));
        const agent = Math.round((5 + 30 * x(5)) * (0.3 + progress));
        if (agent > 10) agentDays++;
        const linesAdded = Math.round(tabsShown * 1.8 + applies * 14);
        const acceptedAdded = Math.round(tabsAccepted * 1.8 + accepts * 14);
        rowsOut.push(
          JSON.stringify({
            date: d * MS_PER_DAY,
            isActive: true,
            totalLinesAdded: linesAdded,
            totalLinesDeleted: Math.round(linesAdded * 0.45),
            acceptedLinesAdded: acceptedAdded,
            acceptedLinesDeleted: Math.round(acceptedAdded * 0.4),
            totalApplies: applies,
            totalAccepts: accepts,
            totalRejects: applies - accepts,
            totalTabsShown: tabsShown,
            totalTabsAccepted: tabsAccepted,
            composerRequests: Math.round(applies * 0.4),
            chatRequests: Math.round(5 + 20 * x(6)),
            agentRequests: agent,
            cmdkUsages: Math.round(10 * x(7)),
            subscriptionIncludedReqs: Math.round(agent * 4),
            apiKeyReqs: 0,
            usageBasedReqs: x(8) < 0.2 ? Math.round(agent * x(9)) : 0,
            bugbotUsages: 0,
            mostUsedModel: x(10) < 0.6 ? 'claude-4.5-sonnet' : 'gpt-5',
            applyMostUsedExtension: '.ts',
            tabMostUsedExtension: '.ts',
            clientVersion: '2.1.3',
            email,
          }),
        );
      }
      // Usage-based spend over the plan: heavy agent users pay more.
      const cents = Math.round(
        agentDays * (40 + 160 * hashUnit(sim.seed, sim.pop.empNo[s] ?? 0, 41, sim.month)),
      );
      spend.push(
        JSON.stringify({
          spendCents: cents,
          fastPremiumRequests: agentDays * 20,
          name: this.rows.name(s),
          email,
          role: 'member',
          hardLimitOverrideDollars: 0,
        }),
      );
    }
    const startMs = sim.monthStart * MS_PER_DAY;
    this.file(
      `ai-cursor-daily-usage-${ym}.json`,
      (o) => {
        o.text('{"data":[\n');
        o.text(rowsOut.join(',\n'));
        o.text(`\n],"period":{"startDate":${startMs},"endDate":${(sim.monthEnd + 1) * MS_PER_DAY - 1}}}\n`);
      },
      files,
    );
    this.file(
      `ai-cursor-spend-${ym}.json`,
      (o) => {
        o.text('{"teamMemberSpend":[\n');
        o.text(spend.join(',\n'));
        o.text(`\n],"subscriptionCycleStart":${startMs},"totalMembers":${spend.length},"totalPages":1}\n`);
      },
      files,
    );
  }

  private writeClaude(
    c: AiMonthContext,
    ym: string,
    engineers: Int32Array,
    tools: Uint8Array,
    files: string[],
  ): void {
    const { sim } = c;
    const recs: string[] = [];
    for (let k = 0; k < engineers.length; k++) {
      if (((tools[k] ?? 0) & CLAUDE) === 0) continue;
      const s = engineers[k] ?? 0;
      const email = this.rows.email(s);
      for (let d = sim.monthStart; d <= sim.monthEnd; d++) {
        if (!activeOn(sim, s, CLAUDE, d)) continue;
        const x = (f: number) => draw(sim, s, d, 200 + f);
        const sessions = 1 + Math.floor(7 * x(1));
        const added = Math.round(sessions * (40 + 120 * x(2)));
        const edits = Math.round(sessions * (2 + 5 * x(3)));
        const rejects = Math.round(edits * 0.12 * x(4));
        const sonnet = Math.round(sessions * (40 + 90 * x(5)));
        const haiku = Math.round(sessions * (3 + 8 * x(6)));
        recs.push(
          JSON.stringify({
            date: `${isoOfDay(d)}T00:00:00Z`,
            organization_id: CLAUDE_ORG,
            actor: { email_address: email, type: 'user_actor' },
            customer_type: 'api',
            subscription_type: 'enterprise',
            terminal_type: x(7) < 0.6 ? 'vscode' : 'iTerm.app',
            core_metrics: {
              commits_by_claude_code: Math.round(sessions * 0.8 * x(8)),
              pull_requests_by_claude_code: x(9) < 0.3 ? 1 : 0,
              lines_of_code: { added, removed: Math.round(added * 0.35) },
              num_sessions: sessions,
            },
            model_breakdown: [
              {
                model: 'claude-sonnet-4-5-20250929',
                tokens: {
                  input: sonnet * 300,
                  output: sonnet * 80,
                  cache_creation: sonnet * 20,
                  cache_read: sonnet * 900,
                },
                estimated_cost: { amount: sonnet, currency: 'USD' },
              },
              {
                model: 'claude-haiku-4-5-20251001',
                tokens: {
                  input: haiku * 400,
                  output: haiku * 60,
                  cache_creation: 0,
                  cache_read: haiku * 200,
                },
                estimated_cost: { amount: haiku, currency: 'USD' },
              },
            ],
            tool_actions: {
              edit_tool: { accepted: edits - rejects, rejected: rejects },
              multi_edit_tool: { accepted: Math.round(edits * 0.3), rejected: 0 },
              notebook_edit_tool: { accepted: 0, rejected: 0 },
              write_tool: { accepted: Math.round(sessions * 0.5), rejected: 0 },
            },
          }),
        );
      }
    }
    this.file(
      `ai-claude-code-${ym}.json`,
      (o) => {
        o.text('{"data":[\n');
        o.text(recs.join(',\n'));
        o.text('\n],"has_more":false}\n');
      },
      files,
    );
  }

  private writeSeats(c: AiMonthContext, files: string[]): void {
    const { sim } = c;
    const { pop } = sim;
    const seats: string[] = [];
    const asOf = sim.monthEnd;
    for (let s = 0; s < pop.count; s++) {
      if (pop.gh[s] !== 1) continue;
      const no = pop.empNo[s] ?? 0;
      const alive = isEngineer(sim, s);
      // Seats of a few engineers who left and were never reclaimed: they match nobody in the org.
      const leaver = pop.alive[s] !== 1 && hashUnit(sim.seed, no, 42) < 0.02;
      if (!leaver && !(alive && hasSeat(c, s))) continue;
      const adoptedMonth = alive ? adoptionMonth(c, s) : null;
      const assigned = adoptedMonth ?? asOf - 30 - Math.floor(330 * hashUnit(sim.seed, no, 43));
      let last: number | null = null;
      if (alive && (toolsOf(c, s) & COPILOT) !== 0) {
        for (let d = asOf; d > asOf - 31 && last === null; d--) if (activeOn(sim, s, COPILOT, d)) last = d;
      }
      if (last === null && (adoptedMonth !== null || leaver)) {
        // Used once, not in the last month (switched to Cursor, left, or stopped).
        last = Math.max(assigned + 3, asOf - 35 - Math.floor(120 * hashUnit(sim.seed, no, 44)));
      }
      const enterprise = PROFILE_OF_DEPT[pop.dept[s] ?? 0]?.enterprise === true;
      const at = (day: number, h: number) => `${isoOfDay(day)}T${String(9 + h).padStart(2, '0')}:12:00Z`;
      const login = this.rows.githubLogin(s);
      seats.push(
        JSON.stringify({
          created_at: at(assigned, 0),
          updated_at: at(assigned, 0),
          pending_cancellation_date: null,
          last_activity_at: last === null ? null : at(last, no % 8),
          last_activity_editor: last === null ? null : 'vscode/1.106.0/copilot-chat/0.33.1',
          plan_type: enterprise ? 'enterprise' : 'business',
          assignee: {
            login,
            id: githubUserId(no),
            node_id: `U_demo${no}`,
            avatar_url: `https://avatars.githubusercontent.com/u/${githubUserId(no)}?v=4`,
            html_url: `https://github.com/${login}`,
            type: 'User',
          },
        }),
      );
    }
    this.file(
      'ai-copilot-seats.json',
      (o) => {
        o.text(`{"total_seats":${seats.length},"seats":[\n`);
        o.text(seats.join(',\n'));
        o.text('\n]}\n');
      },
      files,
    );
  }

  private writeCursorMembers(
    c: AiMonthContext,
    engineers: Int32Array,
    tools: Uint8Array,
    files: string[],
  ): void {
    const members: string[] = [
      JSON.stringify({
        name: 'Cursor Admin',
        email: `it-admin@${this.rows.email(0).split('@')[1] ?? ''}`,
        role: 'free-owner',
      }),
    ];
    for (let k = 0; k < engineers.length; k++) {
      const s = engineers[k] ?? 0;
      // Members: this month's Cursor users and pilot users who drifted back (idle Cursor seats).
      const piloted =
        hashUnit(c.sim.seed, c.sim.pop.empNo[s] ?? 0, 10) <
        (PROFILE_OF_DEPT[c.sim.pop.dept[s] ?? 0]?.cursor ?? 0);
      if (((tools[k] ?? 0) & CURSOR) === 0 && !(piloted && hasAdopted(c.sim, s, c.progress))) continue;
      members.push(JSON.stringify({ name: this.rows.name(s), email: this.rows.email(s), role: 'member' }));
    }
    this.file(
      'ai-cursor-members.json',
      (o) => {
        o.text('{"teamMembers":[\n');
        o.text(members.join(',\n'));
        o.text('\n]}\n');
      },
      files,
    );
  }
}

/** Copilot seat: everyone with a GitHub login who adopted AI, and 10% of the rest (assigned by team, never used). */
function hasSeat(c: AiMonthContext, s: number): boolean {
  const { sim } = c;
  if (sim.pop.gh[s] !== 1) return false;
  return hasAdopted(sim, s, c.progress) || hashUnit(sim.seed, sim.pop.empNo[s] ?? 0, 45) < 0.1;
}

/** Day the person's Copilot seat was assigned: early in the month they first counted as adopters (null: not an adopter). */
function adoptionMonth(c: AiMonthContext, s: number): number | null {
  const { sim } = c;
  if (!hasAdopted(sim, s, c.progress)) return null;
  // Walk back month by month (30.44 days) while the person was already an adopter.
  const months = sim.month + 1;
  let m = sim.month;
  while (m > 0 && hasAdopted(sim, s, (m - 1) / Math.max(1, months - 1))) m--;
  const day =
    sim.monthEnd -
    Math.round((sim.month - m) * 30.44) -
    25 +
    Math.floor(10 * hashUnit(sim.seed, sim.pop.empNo[s] ?? 0, 46));
  return Math.max(sim.pop.hireDay[s] ?? day, day);
}

/**
 * Files written here but not imported by the demo: Cursor's member list has no activity dates, so
 * the seat panel would call every Cursor seat idle (its activity is in the daily usage files).
 */
export const AI_FILES_NOT_IMPORTED = ['ai-cursor-members'] as const;

/** The demo's AI files to import (tools' exports and the generic CSV), sorted. */
export function importableAiFiles(names: readonly string[]): string[] {
  return names
    .filter((n) => /^(ai-|github-pulls-)/.test(n) && /\.(csv|json|ndjson)$/.test(n))
    .filter((n) => !AI_FILES_NOT_IMPORTED.some((p) => n.startsWith(p)))
    .sort();
}
