/** Shared helpers of the AI-ingest tests: fixtures, the shared sample data, sums over records. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAiFiles, type AiParseResult, type AiUsageRecord } from '@/lib/ai-ingest';

export const FIXTURES = path.resolve(process.cwd(), 'tests/fixtures/ai');
export const DATA = path.resolve(process.cwd(), '../shared/data');
export const HAS_DATA = existsSync(DATA);
export const TODAY = '2026-11-22';

/** A fixture file as an in-memory upload. */
export function fixture(name: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: new Uint8Array(readFileSync(path.join(FIXTURES, name))) };
}

/** A text as an in-memory upload. */
export function textFile(name: string, text: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: new TextEncoder().encode(text) };
}

/** Parse fixture files (bytes). */
export function parseFixtures(...names: string[]): Promise<AiParseResult> {
  return parseAiFiles(names.map(fixture), { today: TODAY });
}

/** Parse one sample file of ../shared/data by path (the CLI route). */
export function parseSample(rel: string): Promise<AiParseResult> {
  return parseAiFiles([{ name: rel, path: path.join(DATA, rel) }], { today: TODAY });
}

type Measure =
  | 'suggestions'
  | 'acceptances'
  | 'linesSuggested'
  | 'linesAccepted'
  | 'prsMerged'
  | 'aiAssistedPrs'
  | 'spendUsd'
  | 'activeDays'
  | 'agentUses'
  | 'linesTotal'
  | 'aiCredits'
  | 'commitsByAi';

/** Sum of one measure over records (nulls count as 0). */
export function sum(usage: AiUsageRecord[], key: Measure): number {
  return usage.reduce((a, u) => a + (u[key] ?? 0), 0);
}

/** The totals the real-file tests compare. */
export function totals(r: AiParseResult) {
  const people = new Set(
    r.usage.flatMap((u) =>
      u.subject.kind === 'person' ? [u.subject.githubLogin ?? u.subject.email ?? ''] : [],
    ),
  );
  return {
    usage: r.usage.length,
    seats: r.seats.length,
    memberships: r.memberships.length,
    suggestions: sum(r.usage, 'suggestions'),
    acceptances: sum(r.usage, 'acceptances'),
    linesSuggested: sum(r.usage, 'linesSuggested'),
    linesAccepted: sum(r.usage, 'linesAccepted'),
    prsMerged: sum(r.usage, 'prsMerged'),
    aiAssistedPrs: sum(r.usage, 'aiAssistedPrs'),
    spendUsd: Math.round(sum(r.usage, 'spendUsd') * 1e6) / 1e6,
    activeDays: sum(r.usage, 'activeDays'),
    agentUses: sum(r.usage, 'agentUses'),
    linesTotal: sum(r.usage, 'linesTotal'),
    aiCredits: Math.round(sum(r.usage, 'aiCredits') * 1e6) / 1e6,
    commitsByAi: sum(r.usage, 'commitsByAi'),
    people: people.size,
  };
}

/** Issue codes with their counts. */
export function codes(r: AiParseResult, severity?: 'error' | 'warning'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of r.issues)
    if (severity === undefined || i.severity === severity) out[i.code] = (out[i.code] ?? 0) + 1;
  return out;
}

/** Records without the file name (to compare two forms of one report). */
export function withoutFile(usage: AiUsageRecord[]): Array<Omit<AiUsageRecord, 'file'>> {
  return usage.map(({ file: _file, ...rest }) => rest);
}
