/**
 * Checks across all files of one upload: repeated seats (kept once), repeated usage rows (an error
 * inside one file, as duplicate ids are for org files; across files the later copy is skipped, since
 * overlapping downloads such as a 1-day and a 28-day report are normal), and periods that overlap
 * without being equal (a 28-day total beside daily rows would count the same use twice).
 */
import type { Issue } from '@/lib/ingest/types';
import type { AiSeatRecord, AiUsageRecord } from './types';

const MEASURES = [
  'engineers',
  'aiActiveUsers',
  'active',
  'suggestions',
  'acceptances',
  'linesSuggested',
  'linesAccepted',
  'prsMerged',
  'aiAssistedPrs',
  'spendUsd',
  'linesCommitted',
  'aiLinesCommitted',
] as const;

/** Who + what a row measures (tool, subject, feature, which measures are known), without its period. */
export function seriesKey(r: AiUsageRecord): string {
  const s = r.subject;
  const who =
    s.kind === 'person'
      ? `p:${(s.employeeId ?? '').toLowerCase()}|${(s.githubLogin ?? '').toLowerCase()}|${(s.email ?? '').toLowerCase()}`
      : s.kind === 'team'
        ? `t:${s.teamManagerId}`
        : `o:${s.orgKey}`;
  const signature = MEASURES.map((m) => (r[m] === null || r[m] === undefined ? '0' : '1')).join('');
  return `${r.tool}|${who}|${r.feature ?? ''}|${signature}`;
}

function subjectText(r: AiUsageRecord): string {
  const s = r.subject;
  if (s.kind === 'person') return s.githubLogin ?? s.email ?? s.employeeId ?? '?';
  return s.kind === 'team' ? `team ${s.teamManagerId}` : s.orgKey;
}

/** Drop repeated usage rows; returns the rows kept. */
export function dropDuplicateUsage(usage: AiUsageRecord[], issues: Issue[]): AiUsageRecord[] {
  const seen = new Map<string, AiUsageRecord>();
  const kept: AiUsageRecord[] = [];
  const acrossFiles = new Map<string, number>();
  let inFile = 0;
  for (const r of usage) {
    const key = `${seriesKey(r)}|${r.periodStart}|${r.periodEnd}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, r);
      kept.push(r);
    } else if (first.file === r.file) {
      inFile += 1;
      if (inFile <= 100) {
        issues.push({
          severity: 'error',
          code: 'duplicate-row',
          message: `${r.file}, row ${r.row}: repeats row ${first.row} (${subjectText(r)}, ${r.periodStart}..${r.periodEnd}); which one is right?`,
          row: r.row,
          file: r.file,
          ids: [subjectText(r)],
        });
      }
    } else {
      const pair = `${first.file}\u0000${r.file}`;
      acrossFiles.set(pair, (acrossFiles.get(pair) ?? 0) + 1);
    }
  }
  if (inFile > 100) {
    issues.push({
      severity: 'error',
      code: 'duplicate-row',
      message: `…and ${inFile - 100} more repeated rows.`,
    });
  }
  for (const [pair, n] of acrossFiles) {
    const [a, b] = pair.split('\u0000');
    issues.push({
      severity: 'warning',
      code: 'duplicate-across-files',
      message: `${b}: ${n} row(s) repeat rows already read from ${a} (same tool, subject and period); the repeats were skipped.`,
      file: b,
    });
  }
  return kept;
}

/** Warn about rows whose periods overlap without being equal (the same use would count twice). */
export function warnOverlaps(usage: AiUsageRecord[], issues: Issue[]): void {
  const bySeries = new Map<string, AiUsageRecord[]>();
  for (const r of usage) {
    const k = seriesKey(r);
    const list = bySeries.get(k);
    if (list) list.push(r);
    else bySeries.set(k, [r]);
  }
  const pairs = new Map<string, { n: number; example: string }>();
  for (const list of bySeries.values()) {
    if (list.length < 2) continue;
    list.sort((x, y) => (x.periodStart < y.periodStart ? -1 : x.periodStart > y.periodStart ? 1 : 0));
    let widest = list[0];
    for (const r of list.slice(1)) {
      if (widest && r.periodStart <= widest.periodEnd) {
        const pair = [widest.file, r.file].sort().join('\u0000');
        const p = pairs.get(pair) ?? {
          n: 0,
          example: `${subjectText(r)} ${widest.periodStart}..${widest.periodEnd} and ${r.periodStart}..${r.periodEnd}`,
        };
        p.n += 1;
        pairs.set(pair, p);
      }
      if (!widest || r.periodEnd > widest.periodEnd) widest = r;
    }
  }
  for (const [pair, p] of pairs) {
    const [a, b] = pair.split('\u0000');
    issues.push({
      severity: 'warning',
      code: 'overlapping-periods',
      message: `${a === b ? a : `${a} and ${b}`}: ${p.n} row(s) cover periods that overlap other rows of the same person/team/org (e.g. ${p.example}); totals over those days would count the same use twice. Upload one granularity (daily or per report period).`,
      file: b,
    });
  }
}

/** Keep one seat per tool and person (the one with the latest activity); warn about the repeats. */
export function dedupeSeats(seats: AiSeatRecord[], issues: Issue[]): AiSeatRecord[] {
  const groups = new Map<string, AiSeatRecord[]>();
  for (const s of seats) {
    const key = `${s.tool}|${(s.githubLogin ?? s.email ?? '').toLowerCase()}`;
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  const kept: AiSeatRecord[] = [];
  for (const g of groups.values()) {
    let best = g[0];
    if (best === undefined) continue;
    for (const s of g) if ((s.lastActivityAt ?? '') > (best.lastActivityAt ?? '')) best = s;
    kept.push(best);
    if (g.length > 1) {
      const who = best.githubLogin ?? best.email ?? '?';
      const where = g.map((s) => `${s.file} row ${s.row}`).join(', ');
      issues.push({
        severity: 'warning',
        code: 'duplicate-seat',
        message: `${who} holds ${g.length} ${best.tool} seat entries (${where}); counted once, keeping the entry with the latest activity (${best.lastActivityAt ?? 'none'}).`,
        file: best.file,
        ids: [who],
      });
    }
  }
  return kept;
}
