/**
 * The default demo company (size 3,000, 24 months) with the generic team CSV as its AI data,
 * generated in memory and parsed once per test file. (The tools' exports: tests/unit/demo/ai-sources.test.ts.)
 */
import { createMemorySink, generateDemoCompany, type DemoSummary } from '@/cli/demo';
import { buildTree, parseCsv, type Tree } from './helpers';

export interface DemoFixture {
  summary: DemoSummary;
  files: Map<string, string>;
  orgs: Tree[];
  ai: Record<string, string>[][];
}

let cached: DemoFixture | null = null;

/** Generate (once) and parse the default company. */
export function defaultCompany(): DemoFixture {
  if (cached !== null) return cached;
  const sink = createMemorySink();
  const summary = generateDemoCompany({ ai: 'generic' }, sink);
  const orgs: Tree[] = [];
  const ai: Record<string, string>[][] = [];
  for (const snap of summary.snapshots) {
    orgs.push(buildTree(parseCsv(sink.files.get(snap.orgFile) ?? '')));
    ai.push(parseCsv(sink.files.get(snap.aiFiles[0] ?? '') ?? ''));
  }
  cached = { summary, files: sink.files, orgs, ai };
  return cached;
}
