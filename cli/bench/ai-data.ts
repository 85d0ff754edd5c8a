/**
 * Generated inputs of the AI benchmark (`npm run bench -- --ai`, issue #15): a year of DAILY
 * per-user rows for three tools, in the tools' own export formats as the importers accept them,
 * and the pull requests of the same people, written a batch of days at a time (the files of one
 * batch are imported, then deleted, so 60M rows never sit on disk or in memory at once).
 *  - Copilot: usage-metrics users 1-day report, one NDJSON file per day (one line per active user)
 *  - Cursor: admin API daily usage (`{"data":[...]}`), one JSON file per day
 *  - Claude Code: Admin API usage report (`{"data":[...],"has_more":false}`), one JSON file per day
 *  - pull requests: the documented PR CSV, one file per batch (PRs merged in its days)
 * Beside them, one flat CSV of the batch's usage rows in the ai_usage column layout: the `psql
 * \copy` reference the import is compared with. Who is active on a day is a pure function of the
 * person, tool and day (weekdays only, about 200 active days a year), so row counts are exact.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isoOfDay } from '@/cli/demo/dates';
import { hashInts, hashUnit } from '@/cli/demo/prng';

/** A person of the org file with the identities the tools report. */
export interface AiBenchPerson {
  employeeId: string;
  email: string;
  /** '' when the person has no GitHub login (Copilot reports nobody without one) */
  login: string;
}

export const AI_BENCH_TOOLS = ['copilot', 'cursor', 'claude'] as const;
export type AiBenchTool = (typeof AI_BENCH_TOOLS)[number];

/** Share of weekdays a user of a tool is active: 261 weekdays x 0.77 ~ 200 active days a year. */
const WEEKDAY_ACTIVE = 0.77;
const MS_PER_DAY = 86_400_000;
const SEED = 1515;

/** The flat reference table's columns (the ai_usage layout the importer stores). */
export const FLAT_COLUMNS = [
  'import_id',
  'row_no',
  'tool',
  'period_start',
  'period_end',
  'subject_kind',
  'subject_key',
  'employee_id',
  'github_login',
  'email',
  'active',
  'suggestions',
  'acceptances',
  'lines_suggested',
  'lines_accepted',
  'agent_uses',
  'lines_total',
  'ai_credits',
  'commits_by_ai',
  'extra',
] as const;

/** Splits one CSV line (double-quoted fields with "" escapes). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** The people of an org CSV (employee_id, email, github_login columns). */
export function readAiPeople(orgFile: string): AiBenchPerson[] {
  const lines = fs.readFileSync(orgFile, 'utf8').split('\n');
  const head = splitCsvLine((lines[0] ?? '').replace(/^\uFEFF/, '').trim());
  const at = (name: string) => {
    const i = head.indexOf(name);
    if (i < 0) throw new Error(`${orgFile} has no ${name} column`);
    return i;
  };
  const [id, email, login] = [at('employee_id'), at('email'), at('github_login')];
  const people: AiBenchPerson[] = [];
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k];
    if (!line) continue;
    const f = splitCsvLine(line);
    people.push({ employeeId: f[id] ?? '', email: f[email] ?? '', login: f[login] ?? '' });
  }
  return people;
}

/** Whether person number `p` used `tool` on `day` (day number since 1970-01-01, UTC). */
export function isActive(p: number, tool: number, day: number, person: AiBenchPerson): boolean {
  if (tool === 0 && person.login === '') return false;
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday: 0 = Sunday
  if (weekday === 0 || weekday === 6) return false;
  return hashUnit(SEED, p, tool, day) < WEEKDAY_ACTIVE;
}

/** Usage rows of one day over all people and tools (what a batch of that day holds). */
export function rowsOfDay(people: readonly AiBenchPerson[], day: number): number {
  let n = 0;
  for (let p = 0; p < people.length; p++)
    for (let t = 0; t < AI_BENCH_TOOLS.length; t++) if (isActive(p, t, day, people[p] as AiBenchPerson)) n++;
  return n;
}

/**
 * Consecutive day ranges [from, to] covering `days` days ending on `lastDay`, each of about
 * `daysPerBatch` days (the last one may be shorter).
 */
export function planBatches(lastDay: number, days: number, daysPerBatch: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const first = lastDay - days + 1;
  for (let from = first; from <= lastDay; from += daysPerBatch)
    out.push([from, Math.min(lastDay, from + daysPerBatch - 1)]);
  return out;
}

/** A file written in ~1 MB chunks. */
class Out {
  private readonly fd: number;
  private buf: string[] = [];
  private size = 0;
  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'w');
  }
  text(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.buf.length) fs.writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

const csv = (v: string | number | boolean | null) =>
  v === null ? '' : typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v);

interface DayRow {
  tool: AiBenchTool;
  key: string;
  login: string | null;
  email: string | null;
  suggestions: number | null;
  acceptances: number | null;
  linesSuggested: number | null;
  linesAccepted: number | null;
  agent: number | null;
  linesTotal: number | null;
  credits: number | null;
  commits: number | null;
  extra: string | null;
}

function flatLine(r: DayRow, day: string, rowNo: number): string {
  return [
    1,
    rowNo,
    r.tool,
    day,
    day,
    'person',
    r.key,
    null,
    r.login,
    r.email,
    true,
    r.suggestions,
    r.acceptances,
    r.linesSuggested,
    r.linesAccepted,
    r.agent,
    r.linesTotal,
    r.credits,
    r.commits,
    r.extra,
  ]
    .map(csv)
    .join(',');
}

function copilotLine(p: number, person: AiBenchPerson, day: number): [string, DayRow] {
  const d = (f: number) => hashUnit(SEED, p, day, 10 + f);
  const gen = Math.round(15 + 70 * d(1));
  const acc = Math.round(gen * (0.24 + 0.1 * d(2)));
  const agent = d(3) < 0.4;
  const agentGen = agent ? Math.round(2 + 10 * d(4)) : 0;
  const agentLoc = agent ? Math.round(10 + 50 * d(5)) : 0;
  const locSuggested = Math.round(gen * 3);
  const locAdded = Math.round(acc * 3) + agentLoc;
  const interactions = Math.round(gen * 0.35) + agentGen;
  const credits = agent ? Math.round((20 + 160 * d(6)) * 10) / 10 : 0;
  const counters = {
    user_initiated_interaction_count: interactions,
    code_generation_activity_count: gen + agentGen,
    code_acceptance_activity_count: acc,
    loc_suggested_to_add_sum: locSuggested,
    loc_suggested_to_delete_sum: Math.round(locSuggested * 0.15),
    loc_added_sum: locAdded,
    loc_deleted_sum: Math.round(locAdded * 0.12),
  };
  const features: Array<Record<string, string | number>> = [
    { feature: 'code_completion', ...counters, user_initiated_interaction_count: 0 },
  ];
  if (agent) features.push({ feature: 'chat_panel_agent_mode', user_initiated_interaction_count: agentGen });
  const line = JSON.stringify({
    user_id: 1_000_000 + p,
    user_login: person.login,
    day: isoOfDay(day),
    organization_id: '31415926',
    enterprise_id: '2718281',
    ...counters,
    used_agent: agent,
    used_chat: d(7) < 0.6,
    used_cli: false,
    used_copilot_coding_agent: false,
    ai_credits_used: credits,
    totals_by_feature: features,
  });
  const login = person.login.toLowerCase();
  return [
    line,
    {
      tool: 'copilot',
      key: `login:${login}`,
      login: person.login,
      email: null,
      suggestions: gen + agentGen,
      acceptances: acc,
      linesSuggested: locSuggested,
      linesAccepted: locAdded,
      agent: agent ? agentGen : null,
      linesTotal: null,
      credits,
      commits: null,
      extra: agent ? `{"used_agent":1}` : null,
    },
  ];
}

function cursorLine(p: number, person: AiBenchPerson, day: number): [string, DayRow] {
  const x = (f: number) => hashUnit(SEED, p, day, 100 + f);
  const tabsShown = Math.round(80 + 300 * x(1));
  const tabsAccepted = Math.round(tabsShown * (0.22 + 0.15 * x(2)));
  const applies = Math.round(5 + 60 * x(3));
  const accepts = Math.round(applies * (0.45 + 0.3 * x(4)));
  const agent = Math.round(5 + 30 * x(5));
  const linesAdded = Math.round(tabsShown * 1.8 + applies * 14);
  const acceptedAdded = Math.round(tabsAccepted * 1.8 + accepts * 14);
  const line = JSON.stringify({
    date: day * MS_PER_DAY,
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
    subscriptionIncludedReqs: agent * 4,
    apiKeyReqs: 0,
    usageBasedReqs: 0,
    bugbotUsages: 0,
    mostUsedModel: x(8) < 0.6 ? 'claude-4.5-sonnet' : 'gpt-5',
    applyMostUsedExtension: '.ts',
    tabMostUsedExtension: '.ts',
    clientVersion: '2.1.3',
    email: person.email,
  });
  return [
    line,
    {
      tool: 'cursor',
      key: `email:${person.email.toLowerCase()}`,
      login: null,
      email: person.email,
      suggestions: tabsShown + applies,
      acceptances: tabsAccepted + accepts,
      linesSuggested: linesAdded,
      linesAccepted: acceptedAdded,
      agent,
      linesTotal: linesAdded,
      credits: null,
      commits: null,
      extra: `{"chat":${Math.round(5 + 20 * x(6))}}`,
    },
  ];
}

function claudeLine(p: number, person: AiBenchPerson, day: number): [string, DayRow] {
  const x = (f: number) => hashUnit(SEED, p, day, 200 + f);
  const sessions = 1 + Math.floor(7 * x(1));
  const added = Math.round(sessions * (40 + 120 * x(2)));
  const edits = Math.round(sessions * (2 + 5 * x(3)));
  const rejects = Math.round(edits * 0.12 * x(4));
  const sonnet = Math.round(sessions * (40 + 90 * x(5)));
  const commits = Math.round(sessions * 0.8 * x(6));
  const line = JSON.stringify({
    date: `${isoOfDay(day)}T00:00:00Z`,
    organization_id: '8f14e45f-ceea-4167-a5a3-9bbd2b4f0c1e',
    actor: { email_address: person.email, type: 'user_actor' },
    customer_type: 'api',
    subscription_type: 'enterprise',
    terminal_type: x(7) < 0.6 ? 'vscode' : 'iTerm.app',
    core_metrics: {
      commits_by_claude_code: commits,
      pull_requests_by_claude_code: x(8) < 0.3 ? 1 : 0,
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
    ],
    tool_actions: {
      edit_tool: { accepted: edits - rejects, rejected: rejects },
      multi_edit_tool: { accepted: Math.round(edits * 0.3), rejected: 0 },
      notebook_edit_tool: { accepted: 0, rejected: 0 },
      write_tool: { accepted: Math.round(sessions * 0.5), rejected: 0 },
    },
  });
  return [
    line,
    {
      tool: 'claude',
      key: `email:${person.email.toLowerCase()}`,
      login: null,
      email: person.email,
      suggestions: edits,
      acceptances: edits - rejects,
      linesSuggested: null,
      linesAccepted: added,
      agent: sessions,
      linesTotal: null,
      credits: null,
      commits,
      extra: `{"edit_accepted":${edits - rejects}}`,
    },
  ];
}

const LINE_OF = [copilotLine, cursorLine, claudeLine] as const;

/** What one written batch holds. */
export interface AiBatchFiles {
  /** the tools' files and the PR CSV, in import order */
  files: string[];
  /** the flat CSV of the batch's usage rows (psql \copy reference) */
  flat: string;
  usageRows: number;
  pullRequests: number;
}

/**
 * Writes the files of days [from, to] into `dir`: per day one Copilot NDJSON, one Cursor and one
 * Claude Code JSON, then the PR CSV of the PRs merged in those days (`prsPerDay` of them a day,
 * numbered from `firstPrNumber`, authors drawn among people with a GitHub login).
 */
export function writeAiBatch(
  dir: string,
  people: readonly AiBenchPerson[],
  from: number,
  to: number,
  prsPerDay: number,
  firstPrNumber: number,
): AiBatchFiles {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const flat = new Out(path.join(dir, `flat-${isoOfDay(from)}.csv`));
  flat.text(`${FLAT_COLUMNS.join(',')}\n`);
  let usageRows = 0;
  for (let day = from; day <= to; day++) {
    const iso = isoOfDay(day);
    for (let t = 0; t < AI_BENCH_TOOLS.length; t++) {
      const name =
        t === 0
          ? `ai-copilot-users-1-day-${iso}.ndjson`
          : t === 1
            ? `ai-cursor-daily-usage-${iso}.json`
            : `ai-claude-code-${iso}.json`;
      const out = new Out(path.join(dir, name));
      if (t > 0) out.text('{"data":[\n');
      let first = true;
      for (let p = 0; p < people.length; p++) {
        const person = people[p] as AiBenchPerson;
        if (!isActive(p, t, day, person)) continue;
        const [line, row] = (LINE_OF[t] ?? copilotLine)(p, person, day);
        out.text(t === 0 ? `${line}\n` : `${first ? '' : ',\n'}${line}`);
        first = false;
        usageRows++;
        flat.text(`${flatLine(row, iso, usageRows)}\n`);
      }
      if (first) {
        // nobody active (a weekend): no export to upload
        out.close();
        fs.rmSync(out.file);
        continue;
      }
      if (t === 1)
        out.text(`\n],"period":{"startDate":${day * MS_PER_DAY},"endDate":${(day + 1) * MS_PER_DAY - 1}}}\n`);
      if (t === 2) out.text('\n],"has_more":false}\n');
      out.close();
      files.push(out.file);
    }
  }
  flat.close();
  const authors = people.filter((p) => p.login !== '');
  let pullRequests = 0;
  if (prsPerDay > 0 && authors.length > 0) {
    const prs = new Out(path.join(dir, `pull-requests-${isoOfDay(from)}.csv`));
    prs.text(
      'repository,number,author_login,created_at,merged_at,closed_at,additions,deletions,labels,co_authors\n',
    );
    for (let day = from; day <= to; day++) {
      for (let k = 0; k < prsPerDay; k++) {
        const no = firstPrNumber + pullRequests;
        const h = hashInts(SEED, no, 7);
        const author = authors[h % authors.length] as AiBenchPerson;
        const mergedMs = day * MS_PER_DAY + (h % 86_000) * 1000;
        const createdMs = mergedMs - (3600 + (hashInts(SEED, no, 8) % (5 * 86_400))) * 1000;
        const merged = new Date(mergedMs).toISOString();
        const ai = hashUnit(SEED, no, 9) < 0.3;
        prs.text(
          `acme/service-${no % 200},${no},${author.login},${new Date(createdMs).toISOString()},${merged},${merged},` +
            `${10 + (h % 400)},${h % 120},${ai ? 'ai-assisted' : ''},${ai ? 'copilot@github.com' : ''}\n`,
        );
        pullRequests++;
      }
    }
    prs.close();
    files.push(prs.file);
  }
  return { files, flat: flat.file, usageRows, pullRequests };
}
