/**
 * Scenario operations (issue #14): the edits a planner makes to a copy of a snapshot, and the zod
 * schema of the ops JSON the command line and the API accept (an array of objects with an `op`).
 */
import { z } from 'zod';

const id = z.string().trim().min(1, 'an employee id');
const track = z.enum(['ic', 'manager']);

/** `move {id, to}`: a person, with their subtree, reports to `to`. */
export const moveOpSchema = z.object({ op: z.literal('move'), id, to: id }).strict();
/** `remove {id, reportsTo?}`: the position goes; its direct reports move to reportsTo (default: its manager). */
export const removeOpSchema = z.object({ op: z.literal('remove'), id, reportsTo: id.optional() }).strict();
/** `merge {from, into}`: from's direct reports move to into; from stays, as an IC under their own manager. */
export const mergeOpSchema = z.object({ op: z.literal('merge'), from: id, into: id }).strict();
/**
 * `add {id, manager, title?, level?, track?, cost?}`: a planned position, vacant until filled (an
 * open position); `cost` is its planned annual cost (else priced from its level, lib/scenarios/cost.ts).
 */
export const addOpSchema = z
  .object({
    op: z.literal('add'),
    id,
    manager: id,
    title: z.string().optional(),
    level: z.string().optional(),
    track: track.optional(),
    cost: z
      .number({ message: 'the planned annual cost must be a number' })
      .finite()
      .nonnegative('the planned annual cost must be 0 or more')
      .optional(),
  })
  .strict();
/** `set-level {id, level, track?}`: a promotion, or a move between tracks. */
export const setLevelOpSchema = z
  .object({ op: z.literal('set-level'), id, level: z.string().trim().min(1), track: track.optional() })
  .strict();

export const scenarioOpSchema = z.discriminatedUnion('op', [
  moveOpSchema,
  removeOpSchema,
  mergeOpSchema,
  addOpSchema,
  setLevelOpSchema,
]);
export type ScenarioOp = z.infer<typeof scenarioOpSchema>;

export const scenarioOpsSchema = z.array(scenarioOpSchema);
export type ScenarioOps = z.infer<typeof scenarioOpsSchema>;

export const SCENARIO_STATUSES = ['draft', 'proposed', 'approved'] as const;
export const scenarioStatusSchema = z.enum(SCENARIO_STATUSES);
export type ScenarioStatus = z.infer<typeof scenarioStatusSchema>;

/** A short human label of an operation, for refusals: `#2 move {"id":"E7","to":"E3"}`. */
export function describeOp(index: number, op: ScenarioOp): string {
  const { op: name, ...rest } = op;
  return `#${index + 1} ${name} ${JSON.stringify(rest)}`;
}

/** How a person is named in plain words: "Ada Root (A)", or the id alone when the name is unknown. */
export type NameOf = (id: string) => string | null;

/** An operation in plain words, with people's names where known: "Move Dee Dev (D) under Ben Lead (B)". */
export function describeOpInWords(op: ScenarioOp, nameOf: NameOf = () => null): string {
  const who = (id: string) => {
    const n = nameOf(id);
    return n ? `${n} (${id})` : id;
  };
  switch (op.op) {
    case 'move':
      return `Move ${who(op.id)}, with their team, under ${who(op.to)}`;
    case 'remove':
      return `Remove the position of ${who(op.id)}; their reports go to ${
        op.reportsTo ? who(op.reportsTo) : 'their manager'
      }`;
    case 'merge':
      return `Merge the team of ${who(op.from)} into ${who(op.into)}'s team`;
    case 'add': {
      const what = [op.title, op.level, op.track === undefined ? undefined : `${op.track} track`]
        .filter(Boolean)
        .join(', ');
      return `Add a vacant position ${op.id}${what ? ` (${what})` : ''} under ${who(op.manager)}`;
    }
    case 'set-level':
      return `Set the level of ${who(op.id)} to ${op.level}${op.track ? ` on the ${op.track} track` : ''}`;
  }
}

/** Parses the ops JSON (already JSON.parse'd); a readable message naming the bad operation when invalid. */
export function parseScenarioOps(
  value: unknown,
): { ok: true; ops: ScenarioOps } | { ok: false; message: string } {
  const r = scenarioOpsSchema.safeParse(value);
  if (r.success) return { ok: true, ops: r.data };
  const issue = r.error.issues[0];
  const where = issue?.path.length ? `operation #${Number(issue.path[0]) + 1}` : 'the operations file';
  const field = issue && issue.path.length > 1 ? ` (${issue.path.slice(1).join('.')})` : '';
  return { ok: false, message: `${where}${field}: ${issue?.message ?? 'invalid'}` };
}
