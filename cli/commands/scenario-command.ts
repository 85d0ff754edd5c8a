import fs from 'node:fs';
import { DalError } from '@/lib/dal/errors';
import { ScenarioRefusedError, runScenario, type ScenarioResult } from '@/lib/dal/scenario-metrics';
import { createScenario } from '@/lib/dal/scenarios';
import { isIsoDate } from '@/lib/ingest/as-of';
import { parseScenarioOps, type ScenarioOps } from '@/lib/scenarios';
import type { MetricsDocument } from '@/lib/views/metrics-document';
import { CliUsageError, log, printResult } from './common';
import { cliActor } from './org-option';

export interface ScenarioArgs {
  from?: string;
  ops?: string;
  unit?: string;
  save?: string;
  effective?: string;
  json?: boolean;
  org?: string;
}

/** Usage checks that need no database: exit 2. */
export function checkScenarioArgs(v: ScenarioArgs): void {
  if (!v.ops) throw new CliUsageError('scenario needs --ops FILE.json (a JSON array of operations).');
  if (!fs.existsSync(v.ops)) throw new CliUsageError(`No such file: ${v.ops}`);
  if (v.from !== undefined && !isIsoDate(v.from))
    throw new CliUsageError('--from takes a real date as YYYY-MM-DD.');
  if (v.effective !== undefined && !isIsoDate(v.effective))
    throw new CliUsageError('--effective takes a real date as YYYY-MM-DD.');
  if (v.save !== undefined && !v.save.trim()) throw new CliUsageError('--save needs a NAME.');
}

/** The operations file: a JSON array of operations, or a message naming what is wrong (refused input: exit 1). */
function readOps(file: string): { ops: ScenarioOps } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return { error: `${file} is not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const parsed = parseScenarioOps(value);
  return parsed.ok ? { ops: parsed.ops } : { error: `${file}: ${parsed.message}` };
}

const line = (m: MetricsDocument) =>
  `headcount ${m.headcount}, managers ${m.managers}, ICs ${m.ics}, depth ${m.depth}, management layers ${m.managementLayers}, ` +
  `span mean ${m.span.mean} median ${m.span.median}, open positions ${m.openPositions}`;

const amount = (v: { total: number } | { suppressed: true }) =>
  'total' in v ? v.total.toLocaleString('en') : 'hidden (privacy)';

/** The cost line of a scenario whose snapshot carries costs. */
function costLine(cost: NonNullable<ScenarioResult['cost']>): string {
  const p = cost.planned;
  const planned = p.positions.length
    ? `; planned positions ${p.cost.toLocaleString('en')}${p.notCosted ? ` (${p.notCosted} not costed)` : ''}`
    : '';
  return `cost: before ${amount(cost.before)}, after ${amount(cost.after)}, difference ${amount(cost.difference)}${planned}`;
}

function human(r: ScenarioResult): string {
  const c = r.changes;
  return [
    `before (${r.before.asOf}): ${line(r.before)}`,
    `after:  ${line(r.after)}`,
    `changes: ${c.moved.length} moved, ${c.removed.length} removed, ${c.added.length} added, ${c.levels.length} level or track changes`,
    ...(r.cost ? [costLine(r.cost)] : []),
  ].join('\n');
}

/**
 * `scenario --ops FILE.json [--from ASOF] [--unit ID] [--effective DATE] [--save NAME] [--json]`:
 * applies the operations to a copy of the snapshot and prints `{before, after, changes}` (before and
 * after: the `metrics --json` document); stores a draft scenario only with --save.
 */
export async function runScenarioCommand(v: ScenarioArgs): Promise<number> {
  checkScenarioArgs(v);
  const read = readOps(v.ops ?? '');
  if ('error' in read) {
    process.stderr.write(`${read.error}\n`);
    return 1;
  }
  const actor = await cliActor(v.org);
  const req = { asOf: v.from, unit: v.unit ?? null, effectiveDate: v.effective, ops: read.ops };
  try {
    const result = await runScenario(actor, req);
    if (v.save !== undefined) {
      const saved = await createScenario(actor, { ...req, name: v.save });
      log(`saved draft scenario #${saved.id} "${saved.name}" (from ${saved.fromAsOf})`);
    }
    printResult(!!v.json, result, human(result));
    return 0;
  } catch (err) {
    if (err instanceof ScenarioRefusedError || err instanceof DalError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
