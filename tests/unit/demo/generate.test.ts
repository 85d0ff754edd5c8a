import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AI_USAGE_HEADER,
  ORG_HEADER,
  createMemorySink,
  generateDemoCompany,
  resolveDemoOptions,
} from '@/cli/demo';
import { writeDemoCompany } from '@/cli/demo/write';
import { defaultCompany } from './fixture';
import { parseCsv } from './helpers';

function run(options: Parameters<typeof generateDemoCompany>[0]): Map<string, string> {
  const sink = createMemorySink();
  generateDemoCompany(options, sink);
  return sink.files;
}

describe('demo company files', () => {
  it('writes 24 monthly org snapshots and AI-usage files ending at the default month end', () => {
    const { summary, files } = defaultCompany();
    expect(summary.snapshots).toHaveLength(24);
    expect(files.size).toBe(48);
    expect(summary.snapshots[0]?.asOf).toBe('2024-11-30');
    expect(summary.snapshots.at(-1)?.asOf).toBe('2026-10-31');
    expect(summary.snapshots.map((s) => s.orgFile)).toContain('org-2026-02-28.csv');
    expect(summary.snapshots.map((s) => s.aiFiles[0])).toContain('ai-usage-2026-02.csv');
    for (const [name, text] of files) {
      expect(text.startsWith(name.startsWith('org-') ? ORG_HEADER : AI_USAGE_HEADER)).toBe(true);
    }
  });

  it('gives every row the file as_of date and quotes fields that hold commas', () => {
    const { files, summary } = defaultCompany();
    const last = summary.snapshots.at(-1);
    const text = files.get(last?.orgFile ?? '') ?? '';
    const rows = parseCsv(text);
    expect(new Set(rows.map((r) => r.as_of))).toEqual(new Set([last?.asOf]));
    expect(rows.every((r) => Object.keys(r).length === 16)).toBe(true);
    // a plausible annual cost for everyone (by level, location and employment type)
    const costs = rows.map((r) => Number(r.annual_cost));
    expect(costs.every((c) => Number.isInteger(c) && c >= 10_000 && c <= 700_000)).toBe(true);
    const mean = (level: string) => {
      const l = rows.filter((r) => r.level === level && r.employment_type === 'Full-time');
      return l.reduce((s, r) => s + Number(r.annual_cost), 0) / Math.max(1, l.length);
    };
    expect(mean('IC4')).toBeGreaterThan(mean('IC2'));
    expect(text).toContain('"VP, Security"');
    expect(rows.some((r) => r.title === 'VP, Security')).toBe(true);
  });

  it('is byte-identical for the same seed and differs for another seed', () => {
    const options = { seed: 7, size: 600, months: 6 };
    const a = run(options);
    const b = run(options);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, text] of a) expect(b.get(name)).toBe(text);
    const c = run({ ...options, seed: 8 });
    expect(c.get('org-2026-10-31.csv')).not.toBe(a.get('org-2026-10-31.csv'));
  });

  it('writes the same bytes to disk as to memory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-demo-'));
    try {
      const options = { seed: 3, size: 300, months: 3, endDate: '2025-06-15' };
      const summary = writeDemoCompany(dir, options);
      const mem = run(options);
      expect(readdirSync(dir).sort()).toEqual([...mem.keys()].sort());
      for (const [name, text] of mem) expect(readFileSync(join(dir, name), 'utf8')).toBe(text);
      expect(summary.endDate).toBe('2025-06-30');
      expect(summary.snapshots.map((s) => s.asOf)).toEqual(['2025-04-30', '2025-05-31', '2025-06-30']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects out-of-range options', () => {
    expect(() => resolveDemoOptions({ size: 10 })).toThrow(RangeError);
    expect(() => resolveDemoOptions({ size: 2_000_000 })).toThrow(RangeError);
    expect(() => resolveDemoOptions({ months: 1 })).toThrow(RangeError);
    expect(() => resolveDemoOptions({ seed: -1 })).toThrow(RangeError);
    expect(() => resolveDemoOptions({ endDate: '2026-13-01' })).toThrow(/Invalid date/);
    expect(resolveDemoOptions({})).toEqual({
      seed: 42,
      size: 3000,
      months: 24,
      endDate: '2026-10-31',
      ai: 'tools',
    });
    expect(() => resolveDemoOptions({ ai: 'csv' as 'generic' })).toThrow(RangeError);
  });
});
