/** Shared helpers for the ingest tests: fixture loading and issue summaries. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseOrgUpload } from '@/lib/ingest';
import type { Issue, ParseOptions, ParsedSnapshot, UploadFile, UploadResult } from '@/lib/ingest';

export const FIXTURES = path.resolve(process.cwd(), 'tests/fixtures/ingest');
export const DATA = path.resolve(process.cwd(), '../shared/data');

/** A fixture file as an in-memory upload. */
export function fixture(name: string): UploadFile {
  return { name, bytes: readFileSync(path.join(FIXTURES, name)) };
}

/** A text upload built in the test. */
export function textFile(name: string, text: string): UploadFile {
  return { name, bytes: new TextEncoder().encode(text) };
}

/** Parse fixtures (default as-of 2024-01-31 unless given). */
export function parseFixtures(
  names: string[],
  options: ParseOptions = { asOf: '2024-01-31' },
): Promise<UploadResult> {
  return parseOrgUpload(names.map(fixture), options);
}

/** The only snapshot of a result (fails the test when there is not exactly one). */
export function only(result: UploadResult): ParsedSnapshot {
  if (result.snapshots.length !== 1) {
    throw new Error(
      `expected 1 snapshot, got ${result.snapshots.length}: ${JSON.stringify(result.fileIssues)}`,
    );
  }
  const [s] = result.snapshots;
  if (!s) throw new Error('no snapshot');
  return s;
}

/** Issues of one code. */
export function ofCode(issues: readonly Issue[], code: string): Issue[] {
  return issues.filter((i) => i.code === code);
}

/** "severity:code" -> count, for compact assertions. */
export function codeCounts(issues: readonly Issue[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of issues) out[`${i.severity}:${i.code}`] = (out[`${i.severity}:${i.code}`] ?? 0) + 1;
  return out;
}
