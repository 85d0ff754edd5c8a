/**
 * Whether a pull request counts as AI-assisted, and why (PullRequestRecord.aiSource). The rules,
 * strongest first (README "Pull requests: AI-assisted"):
 *   1. copilot-author       the PR was opened by the Copilot coding agent;
 *   2. tool-reported:<tool>  the tool signed the PR (body marker such as "Generated with [Claude Code]",
 *                            or a label naming the tool);
 *   3. co-author:<tool>      a Co-authored-by trailer names the tool's bot identity;
 *   4. label:<name>          a generic "AI-assisted" style label.
 * Pure: strings in, a reason (or null) out.
 */

/** Lower-case GitHub logins of the Copilot coding agent (REST `user.login` is "Copilot", type Bot; the app is copilot-swe-agent). */
const COPILOT_AUTHORS = new Set(['copilot', 'copilot-swe-agent[bot]', 'copilot-swe-agent']);

/** True when a PR author is the Copilot coding agent. */
export function isCopilotAuthor(login: string | null, type: string | null): boolean {
  if (login === null) return false;
  const l = login.toLowerCase();
  if (COPILOT_AUTHORS.has(l)) return true;
  // any other bot account of Copilot (but not the PR reviewer bot, which never authors PRs)
  return type?.toLowerCase() === 'bot' && l.includes('copilot') && !l.includes('reviewer');
}

/** Body markers the tools write into PR descriptions, with the tool they name. */
const BODY_MARKERS: ReadonlyArray<{ re: RegExp; tool: string }> = [
  // Claude Code: "🤖 Generated with [Claude Code](https://claude.com/claude-code)" (older: claude.ai/code)
  { re: /generated with \[?claude code\]?/i, tool: 'claude-code' },
  { re: /co-authored-by:\s*claude\b[^\n]*<noreply@anthropic\.com>/i, tool: 'claude-code' },
  { re: /generated (?:with|by) \[?(?:github )?copilot\]?/i, tool: 'copilot' },
  { re: /generated (?:with|by) \[?cursor(?: agent)?\]?/i, tool: 'cursor' },
  { re: /generated (?:with|by) \[?(?:windsurf|cascade|codeium)\]?/i, tool: 'windsurf' },
];

/** Labels that name a tool (compared lower-case, with spaces/underscores as '-'). */
const TOOL_LABELS: Readonly<Record<string, string>> = {
  copilot: 'copilot',
  'github-copilot': 'copilot',
  'copilot-generated': 'copilot',
  claude: 'claude-code',
  'claude-code': 'claude-code',
  cursor: 'cursor',
  'cursor-agent': 'cursor',
  windsurf: 'windsurf',
  codeium: 'windsurf',
  cascade: 'windsurf',
};

/** Labels that say "AI-assisted" without naming a tool. */
const AI_LABELS = new Set(['ai', 'ai-assisted', 'ai-generated', 'ai-authored', 'genai', 'llm-generated']);

const labelKey = (l: string): string =>
  l
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    // drop emoji and other symbols around the words ("🤖 copilot")
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');

/** The tool a co-author identity (email, or name when there is no email) belongs to, else null. */
export function coAuthorTool(identity: string): string | null {
  const s = identity.toLowerCase();
  if (s.endsWith('@anthropic.com') || /^claude\b/.test(s)) return 'claude-code';
  // Copilot coding agent commits: 198982749+Copilot@users.noreply.github.com; also copilot[bot]
  if (/^(\d+\+)?copilot(-swe-agent)?(\[bot\])?@users\.noreply\.github\.com$/.test(s) || s === 'copilot')
    return 'copilot';
  if (s === 'cursoragent@cursor.com' || s.endsWith('@cursor.com') || s.endsWith('@cursor.sh'))
    return 'cursor';
  if (s.endsWith('@codeium.com') || s.endsWith('@windsurf.com') || s.endsWith('@windsurf.ai'))
    return 'windsurf';
  return null;
}

/** One Co-authored-by trailer: the identity kept (lower-case email, else the name). */
export interface CoAuthor {
  name: string;
  identity: string;
}

const TRAILER = /^\s*co-authored-by:\s*(.*?)\s*(?:<([^>]*)>)?\s*$/gim;

/** The Co-authored-by trailers of a commit message (or PR body), in order, each identity once. */
export function coAuthorTrailers(message: string): CoAuthor[] {
  const out: CoAuthor[] = [];
  const seen = new Set<string>();
  for (const m of message.matchAll(TRAILER)) {
    const name = (m[1] ?? '').trim();
    const email = (m[2] ?? '').trim().toLowerCase();
    const identity = email !== '' ? email : name.toLowerCase();
    if (identity === '' || seen.has(identity)) continue;
    seen.add(identity);
    out.push({ name, identity });
  }
  return out;
}

/** What the rules look at. */
export interface AiSourceInput {
  authorLogin: string | null;
  authorType: string | null;
  body: string | null;
  labels: readonly string[];
  coAuthors: readonly string[];
}

/** Why a PR counts as AI-assisted (strongest rule first), or null. */
export function aiSourceOf(pr: AiSourceInput): string | null {
  if (isCopilotAuthor(pr.authorLogin, pr.authorType)) return 'copilot-author';
  if (pr.body) for (const m of BODY_MARKERS) if (m.re.test(pr.body)) return `tool-reported:${m.tool}`;
  for (const l of pr.labels) {
    const tool = TOOL_LABELS[labelKey(l)];
    if (tool) return `tool-reported:${tool}`;
  }
  for (const c of pr.coAuthors) {
    const tool = coAuthorTool(c);
    if (tool) return `co-author:${tool}`;
  }
  for (const l of pr.labels) if (AI_LABELS.has(labelKey(l))) return `label:${l.trim().toLowerCase()}`;
  return null;
}
