import { describe, expect, it } from 'vitest';
import { summaryRows, type BenchReport } from '@/cli/bench/report';
import type { ViewsFigures } from '@/cli/bench/views';

const run = (database: 'postgres' | 'pglite'): ViewsFigures => ({
  coldP50Ms: 70,
  coldP95Ms: 1100,
  loadP95Ms: 10_700,
  firstRequestMs: 80,
  serverRssMb: 1900,
  company: '100,000 people x 12 snapshots',
  database,
  reader: { role: 'admin' },
  families: ['overview'],
  aiImported: false,
  measuredOn: '2026-12-07',
  importSeconds: 300,
  psqlCopySeconds: 0.9,
  loadAverage: { before: 6, after: 7 },
  firstRequestSeconds: 0.08,
  cold: { views: 6, failures: 0, p50Ms: 70, p95Ms: 1100, maxMs: 1500, perFamily: {} },
  concurrent: {
    clients: 20,
    seconds: 20,
    answers: 80,
    answersTotal: 100,
    failures: 0,
    p50Ms: 4000,
    p95Ms: 10_700,
    maxMs: 12_000,
  },
  peakServerRssMb: 1900,
  disk: {
    orgMb: 2400,
    perSnapshotMb: 200,
    tablesMb: { people: 1200, metric_results: 700, people_order: 400 },
  },
});

describe('cold-view rows of the bench report', () => {
  it('a PostgreSQL run and a PGlite run each give their four rows, the PGlite one named so', () => {
    const report = { views100k: run('postgres'), views100kPglite: run('pglite') } as unknown as BenchReport;
    const names = summaryRows(report).map((r) => r.name);
    expect(names.filter((n) => n.startsWith('first request after start'))).toEqual([
      'first request after start, 100,000 people x 12 snapshots',
      'first request after start, 100,000 people x 12 snapshots on PGlite',
    ]);
    expect(names.filter((n) => n.startsWith('cold views'))).toHaveLength(2);
    const disk = summaryRows(report).find((r) => r.name.startsWith('disk per snapshot'));
    expect([disk?.figure, disk?.reference]).toEqual([
      '200 MB',
      'all snapshots 2400 MB: people 1200 MB, metric_results 700 MB, people_order 400 MB',
    ]);
  });
});
