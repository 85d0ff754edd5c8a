import fs from 'node:fs';
import path from 'node:path';
import { parseAiFiles } from '@/lib/ai-ingest';
import type { AiParseResult } from '@/lib/ai-ingest/types';
import type { Issue } from '@/lib/ingest/types';
import type { Actor } from '@/lib/dal/actor';
import { cliActor } from './org-option';
import { commitAiImport, type AiImportResult } from '@/lib/dal/ai-imports';
import { identityFileIssues } from '@/lib/dal/ai-identity-map';
import { CliUsageError, log, printResult } from './common';

/** Parses AI-usage files and, when there is no error and something to store, commits them (shared by the CLI and the demo). */
export async function importAiFiles(
  paths: string[],
  progress: (message: string) => void = log,
  actor?: Actor,
): Promise<{ parsed: AiParseResult; result: AiImportResult | null }> {
  const started = Date.now();
  const parsed = await parseAiFiles(paths.map((p) => ({ name: path.basename(p), path: p })));
  for (const f of parsed.files)
    progress(
      `${f.name}: ${f.label ?? f.format ?? 'not recognised'} — ${f.usage} usage row(s), ${f.seats} seat(s)` +
        (f.pullRequests !== undefined ? `, ${f.pullRequests} pull request(s)` : '') +
        (f.commits !== undefined ? `, ${f.commits} commit(s) read` : '') +
        (f.identities !== undefined ? `, ${f.identities} identity line(s)` : ''),
    );
  progress(`parsed ${paths.length} file(s) in ${Date.now() - started} ms`);
  // Refused, or recognised files that carry no rows (download links, audit logs...): nothing to store.
  const rows =
    parsed.usage.length +
    parsed.seats.length +
    (parsed.pullRequests?.length ?? 0) +
    (parsed.identities?.length ?? 0);
  if (!parsed.ok || rows === 0) return { parsed, result: null };
  const who = actor ?? (await cliActor(undefined));
  for (const w of await identityFileIssues(who.orgId, parsed.identities ?? [])) {
    parsed.issues.push(w);
    progress(`warning: ${w.message}`);
  }
  const result = await commitAiImport(who, parsed, { onProgress: progress });
  return { parsed, result };
}

const slim = (i: Issue) => ({
  code: i.code,
  message: i.message,
  ...(i.row !== undefined ? { row: i.row } : {}),
  ...(i.file !== undefined ? { file: i.file } : {}),
  ...(i.column !== undefined ? { column: i.column } : {}),
});

/** Usage errors of `ai-import` (exit 2), checked before the database is opened. */
export function checkAiImportArgs(paths: readonly string[]): void {
  if (paths.length === 0) throw new CliUsageError('ai-import needs at least one FILE.');
  for (const p of paths) if (!fs.existsSync(p)) throw new CliUsageError(`No such file: ${p}`);
}

/**
 * `ai-import FILE... [--json]`: prints {"records","periods","matchedUsers","unmatchedUsers"}
 * (plus "errors" when refused, "warnings" when the files hold nothing to store). Exit 0 committed
 * or nothing to store, 1 refused.
 */
export async function runAiImport(paths: string[], v: { json?: boolean; org?: string }): Promise<number> {
  checkAiImportArgs(paths);
  const { parsed, result } = await importAiFiles(paths, log, await cliActor(v.org));
  const errors = parsed.issues.filter((i) => i.severity === 'error');
  const warnings = parsed.issues.filter((i) => i.severity === 'warning');
  const json = {
    // every row stored: usage rows and seats
    records: result ? result.records + result.seats : 0,
    periods: result?.periods ?? [],
    matchedUsers: result?.identities.matchedUsers ?? 0,
    unmatchedUsers: result?.identities.unmatchedUsers ?? 0,
    ...(result?.pullRequests ? { pullRequests: result.pullRequests } : {}),
    ...(result?.billingSuperseded ? { billingSuperseded: result.billingSuperseded } : {}),
    ...(result?.identityMappings ? { identityMappings: result.identityMappings } : {}),
    ...(errors.length ? { errors: errors.map(slim) } : {}),
    ...(!result && warnings.length ? { warnings: warnings.map(slim) } : {}),
  };
  let human: string;
  if (result) {
    const hasUsage = result.records + result.seats > 0 || result.pullRequests + result.identityMappings === 0;
    human = [
      ...(hasUsage
        ? [
            `imported ${result.records} usage row(s) and ${result.seats} seat(s) for ${result.periods.join(', ') || 'no period'}`,
            `people: ${result.identities.matchedUsers} joined to employees, ${result.identities.unmatchedUsers} not joined` +
              (result.identities.ambiguousUsers ? ` (${result.identities.ambiguousUsers} ambiguous)` : ''),
          ]
        : []),
      ...(result.replaced
        ? [`replaced ${result.replaced} row(s) of earlier imports for the same periods`]
        : []),
      ...(result.billingSuperseded
        ? [
            `warning: ${result.billingSuperseded} monthly Copilot billing row(s) set aside: the daily billing CSV covers the same people and months, so it counts instead`,
          ]
        : []),
      ...(result.pullRequests
        ? [
            `pull requests: ${result.pullRequests} stored (${result.pullRequestsReplaced} replaced earlier copies of the same repository and number)`,
          ]
        : []),
      ...(result.identityMappings
        ? [`identity file: ${result.identityMappings} identity -> employee mapping(s) stored`]
        : []),
    ].join('\n');
  } else if (!parsed.ok) {
    human = [
      ...errors
        .slice(0, 20)
        .map((e) => `error: ${e.file ? `${e.file}: ` : ''}${e.row ? `row ${e.row}: ` : ''}${e.message}`),
      'nothing was stored: fix the errors above',
    ].join('\n');
  } else {
    human = [
      ...warnings.slice(0, 20).map((w) => `warning: ${w.message}`),
      'nothing to store: the files hold no usage, seat, pull-request or identity rows',
    ].join('\n');
  }
  printResult(!!v.json, json, human);
  return parsed.ok ? 0 : 1;
}
