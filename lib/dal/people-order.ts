import 'server-only';
import { copyValue, type RawTx } from '@/db/raw';
import { LADDER_STEP_FORMAT, type StepPromotions } from '@/lib/metrics/ladder-steps';
import { decodeReasons, encodeReasons, type PersonOrderRow } from '@/lib/metrics/people-order';
import type { MetricResultRow, PeopleOrder } from '@/lib/metrics/snapshot-results';
import { PEOPLE_ORDER_FORMAT, type PeopleOrderFacts } from '@/lib/views/people-rows';
import { rawQuery } from './raw-query';

/** people_order columns in COPY order (db/schema/metrics.ts). */
const COLUMNS = [
  'snapshot_id',
  'pre',
  'size',
  'ord',
  'employee_id',
  'name',
  'title',
  'department',
  'level',
  'rank',
  'layer',
  'kind',
  'span',
  'risk_reasons',
  'risk_score',
  'risk_pressure',
  'risk_months',
  'fte',
  'annual_cost',
  'manager_id',
  'track',
  'person',
  'parent_pre',
  'child_count',
  'below',
  'aggregated',
  'node_fte',
  'grade',
  'junior_fte_below',
  'direct_ics',
] as const;

/** The metric_results family holding what the people lists read of the whole snapshot. */
export const PEOPLE_ORDER_FAMILY = 'people-order';

/** The facts row stored beside the people rows. */
export function peopleOrderFactsRow(people: PeopleOrder, ladderKey: string): MetricResultRow {
  const data: PeopleOrderFacts = {
    format: PEOPLE_ORDER_FORMAT,
    ladderKey,
    scored: people.scored,
    changes: people.changes,
    explorer: people.explorer,
    rankOf: people.rankOf.map(([code, rank]) => [code, Number.isNaN(rank) ? null : rank]),
    ceilings: people.ceilings,
    costs: people.costs,
  };
  return { family: PEOPLE_ORDER_FAMILY, scopeType: 'org', scopeKey: '', data };
}

const BATCH = 4096;

/** The rows as COPY text, a few thousand lines a chunk. */
function* copyChunks(snapshotId: number, rows: readonly PersonOrderRow[]): Generator<string> {
  const id = `${snapshotId}\t`;
  let lines: string[] = [];
  for (const r of rows) {
    const risk = r.risk;
    const x = r.explorer;
    lines.push(
      id +
        [
          r.pre,
          r.size,
          r.ord,
          copyValue(r.employeeId),
          copyValue(r.name),
          copyValue(r.title),
          copyValue(r.department),
          copyValue(r.level),
          copyValue(r.rank),
          r.layer,
          r.kind,
          copyValue(r.span),
          risk === null ? '\\N' : encodeReasons(risk.reasons),
          copyValue(risk?.score),
          copyValue(risk?.pressure),
          copyValue(risk?.monthsInLevel),
          copyValue(r.fte),
          copyValue(r.annualCost),
          copyValue(r.managerId),
          copyValue(r.track),
          copyValue(r.person),
          copyValue(x?.parentPre),
          copyValue(x?.childCount),
          copyValue(x?.below),
          copyValue(x?.aggregated),
          copyValue(x?.fte),
          copyValue(x?.grade),
          copyValue(x?.juniorFteBelow),
          copyValue(x?.directIcs),
        ].join('\t') +
        '\n',
    );
    if (lines.length >= BATCH) {
      yield lines.join('');
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join('');
}

/** Stores a snapshot's people in preorder (COPY, in the import's transaction). */
export async function storePeopleOrder(tx: RawTx, snapshotId: number, people: PeopleOrder): Promise<void> {
  await tx.copyIn('people_order', COLUMNS, copyChunks(snapshotId, people.rows));
}

/**
 * The promotions of the steps along the chain that ends with the previous snapshot's stored step,
 * oldest first ([] for the first snapshot of a series), or null when a step of it is missing or of
 * another format: the people's ceiling risk is then not stored, and the view scores from the tree.
 */
export async function readStepChain(
  query: RawTx['query'],
  previous: { ladderStep: unknown } | null,
): Promise<StepPromotions[] | null> {
  if (previous === null) return [];
  const out: StepPromotions[] = [];
  let step = previous.ladderStep;
  for (let guard = 0; guard < 10_000; guard++) {
    if (!isStep(step)) return null;
    out.push({ asOf: step.asOf, samples: step.samples, promoted: step.promoted });
    if (step.prevId === null) return out.reverse();
    const rows = await query<{ data: unknown }>(
      `select jsonb_build_object('format', data->'format', 'prevId', data->'prevId', 'asOf', data->'asOf',
              'samples', data->'samples', 'promoted', data->'promoted') as data
       from metric_results where snapshot_id = $1 and family = 'ladder-step' and scope_type = 'org'`,
      [step.prevId],
    );
    step = rows[0]?.data;
  }
  return null;
}

type ChainStep = StepPromotions & { prevId: number | null };

function isStep(v: unknown): v is ChainStep {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return (
    s.format === LADDER_STEP_FORMAT &&
    (s.prevId === null || typeof s.prevId === 'number') &&
    typeof s.asOf === 'string' &&
    Array.isArray(s.samples) &&
    Array.isArray(s.promoted)
  );
}

interface PersonRowDb {
  pre: number;
  size: number;
  ord: number;
  employee_id: string;
  name: string | null;
  title: string | null;
  department: string | null;
  level: string | null;
  rank: number | string | null;
  layer: number;
  kind: number;
  span: number | string;
  risk_reasons: number | null;
  risk_score: number | string | null;
  risk_pressure: number | string | null;
  risk_months: number | string | null;
  fte: number | string | null;
  annual_cost: number | string | null;
  manager_id: string | null;
  track: number | null;
  person: boolean | null;
  parent_pre: number | null;
  child_count: number | null;
  below: number | string | null;
  /** absent when the explorer's columns were not selected */
  aggregated?: boolean | null;
  /** absent when the explorer's columns were not selected */
  node_fte?: number | string | null;
  grade: string | null;
  junior_fte_below: number | string | null;
  direct_ics: number | string | null;
}

const num = (v: number | string | null): number => (v === null ? Number.NaN : Number(v));

/**
 * The people of the subtree at [pre, pre + size) of a snapshot, in preorder; `scoredOnly` keeps the
 * rows with a ceiling risk. One range read of the primary key.
 */
export async function readPeopleRange(
  snapshotId: number,
  pre: number,
  size: number,
  scoredOnly = false,
  explorer = false,
): Promise<PersonOrderRow[]> {
  const rows = await rawQuery<PersonRowDb>(
    `select ${explorer ? SELECT : LISTS} from people_order where snapshot_id = $1 and pre between $2 and $3
     ${scoredOnly ? 'and risk_reasons is not null' : ''} order by pre`,
    [snapshotId, pre, pre + size - 1],
  );
  return rows.map(toRow);
}

/**
 * The people of a snapshot with these employee ids, each at the first node of the id in tree
 * order (the one the tree resolves the id to). One probe of the employee-id index per id.
 */
export async function readPeopleByIds(snapshotId: number, ids: readonly string[]): Promise<PersonOrderRow[]> {
  if (ids.length === 0) return [];
  const rows = await rawQuery<PersonRowDb>(
    `select distinct on (employee_id) ${LISTS} from people_order
     where snapshot_id = $1 and employee_id = any($2::text[]) order by employee_id, ord`,
    [snapshotId, ids],
  );
  return rows.map(toRow);
}

/**
 * The people of a snapshot matching a condition on people_order's columns ($1 is the snapshot,
 * `params` follow as $2...), in preorder: for the explorer's probes of the parent and id indexes.
 */
export async function readPeopleWhere(
  snapshotId: number,
  where: string,
  params: readonly unknown[],
): Promise<PersonOrderRow[]> {
  const rows = await rawQuery<PersonRowDb>(
    `select ${SELECT} from people_order where snapshot_id = $1 and (${where}) order by pre`,
    [snapshotId, ...params],
  );
  return rows.map(toRow);
}

/** The columns the people lists read (ceiling risk, a comparison's lists), and with the explorer's. */
const LISTS = `pre, size, ord, employee_id, name, title, department, level, rank, layer, kind, span,
  risk_reasons, risk_score, risk_pressure, risk_months, fte, annual_cost, manager_id, track, person`;
const SELECT = `${LISTS}, parent_pre, child_count, below, aggregated, node_fte, grade, junior_fte_below, direct_ics`;

function toRow(r: PersonRowDb): PersonOrderRow {
  return {
    pre: r.pre,
    size: r.size,
    ord: r.ord,
    employeeId: r.employee_id,
    name: r.name,
    title: r.title,
    department: r.department,
    level: r.level,
    rank: num(r.rank),
    layer: r.layer,
    kind: r.kind,
    span: num(r.span),
    fte: r.fte === null ? null : num(r.fte),
    annualCost: r.annual_cost === null ? null : num(r.annual_cost),
    risk:
      r.risk_reasons === null
        ? null
        : {
            reasons: decodeReasons(r.risk_reasons),
            score: num(r.risk_score),
            pressure: num(r.risk_pressure),
            monthsInLevel: r.risk_months === null ? null : num(r.risk_months),
          },
    ...(r.person === null ? {} : { managerId: r.manager_id, track: Number(r.track), person: r.person }),
    ...(r.aggregated === null || r.aggregated === undefined
      ? {}
      : {
          explorer: {
            parentPre: r.parent_pre,
            childCount: Number(r.child_count),
            below: num(r.below),
            aggregated: r.aggregated,
            fte: num(r.node_fte ?? null),
            grade: r.grade,
            juniorFteBelow: num(r.junior_fte_below),
            annualCost: r.annual_cost === null ? null : num(r.annual_cost),
            directIcs: num(r.direct_ics),
          },
        }),
  };
}
