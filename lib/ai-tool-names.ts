/**
 * What a reader calls each AI tool: the importers store short ids (lib/ai-ingest), pages and
 * downloads show these names. An id without a name (a generic CSV's own tool) shows as written.
 */
const TOOL_NAMES: Readonly<Record<string, string>> = {
  copilot: 'GitHub Copilot',
  'claude-code': 'Claude Code',
  cursor: 'Cursor',
  windsurf: 'Windsurf',
  // a generic AI-usage CSV without a tool column
  other: 'Unnamed tool',
};

export function toolName(tool: string): string {
  return TOOL_NAMES[tool] ?? tool;
}
