import { getDatabase } from '@/db';
import type { ReportSection } from '@/lib/export/report-model';
import { suppressedText, type ReportContext } from '../context';

/**
 * A provider of the AI-productivity section. The AI-usage import is built separately; when its
 * DAL lands it registers a provider here (registerAiSectionProvider) and the report fills the
 * section with its scoped, suppressed figures. Until then the section says plainly what it knows.
 */
export type AiSectionProvider = (ctx: ReportContext) => Promise<ReportSection | null>;

let provider: AiSectionProvider | null = null;

/** Plugs in the builder of the AI section (called by the AI-usage DAL module). */
export function registerAiSectionProvider(p: AiSectionProvider | null): void {
  provider = p;
}

async function listAiTables(): Promise<string[]> {
  const handle = await getDatabase();
  const text =
    "select table_name from information_schema.tables where table_schema = current_schema() and table_name like 'ai\\_%' order by 1";
  if (handle.raw.kind === 'postgres')
    return ((await handle.raw.sql.unsafe(text)) as unknown as Array<{ table_name: string }>).map(
      (r) => r.table_name,
    );
  return (await handle.raw.pg.query<{ table_name: string }>(text)).rows.map((r) => r.table_name);
}

/** AI productivity: the registered provider's figures, or an honest note that there are none. */
export async function buildAiSection(ctx: ReportContext): Promise<ReportSection> {
  const base = { id: 'ai', title: 'AI productivity' } as const;
  if (ctx.unitSuppressed)
    return {
      ...base,
      blocks: [{ kind: 'suppressed', text: suppressedText(ctx.dash.settings.minGroupSize) }],
    };
  if (provider) {
    const section = await provider(ctx);
    if (section) return section;
  }
  const tables = await listAiTables();
  return {
    ...base,
    blocks: [
      {
        kind: 'notice',
        text:
          tables.length === 0
            ? 'No AI usage data has been imported, so this section has no figures. Once AI usage (team CSV, GitHub Copilot or Cursor exports) is imported, it shows adoption, acceptance rates, AI-assisted PR share, throughput and cost for this scope.'
            : 'AI usage data is stored, but this version of the report cannot summarise it yet; see the AI dashboard for its figures.',
      },
    ],
  };
}
