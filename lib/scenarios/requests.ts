/**
 * What the scenario API accepts (issue #14), shared by the route handlers and the editor: zod
 * schemas for creating, changing and moving a scenario between statuses, and for asking for the
 * larger edits as suggested operations.
 */
import { z } from 'zod';
import { scenarioOpsSchema, scenarioStatusSchema } from './operations';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are YYYY-MM-DD.');
const name = z
  .string()
  .trim()
  .min(1, 'A scenario needs a name.')
  .max(200, 'Names are at most 200 characters.');
const employeeId = z.string().trim().min(1, 'an employee id').max(300);

/** POST /api/scenarios */
export const createScenarioSchema = z
  .object({
    name,
    asOf: isoDate.optional(),
    unit: employeeId.nullable().optional(),
    effectiveDate: isoDate.optional(),
    ops: scenarioOpsSchema.default([]),
  })
  .strict();
export type CreateScenarioInput = z.infer<typeof createScenarioSchema>;

/** PATCH /api/scenarios/[id]: a new name, a new list of operations, or both. */
export const updateScenarioSchema = z
  .object({ name: name.optional(), ops: scenarioOpsSchema.optional() })
  .strict()
  .refine((v) => v.name !== undefined || v.ops !== undefined, 'Send a name or ops to change.');
export type UpdateScenarioInput = z.infer<typeof updateScenarioSchema>;

/** POST /api/scenarios/[id]/status */
export const scenarioStatusBodySchema = z.object({ status: scenarioStatusSchema }).strict();

/** GET /api/scenarios/[id]/suggest: "remove the layer under X", or "bring every manager in this unit to a span of at least N". */
export const suggestQuerySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('remove-layer'), under: employeeId }),
  z.object({
    kind: z.literal('span-merges'),
    unit: employeeId,
    min: z.coerce
      .number()
      .int('The span is a whole number.')
      .min(2, 'Ask for a span of at least 2.')
      .max(100, 'Ask for a span of at most 100.'),
  }),
]);
export type SuggestQuery = z.infer<typeof suggestQuerySchema>;

/** The first zod issue as a message naming the field. */
export function firstIssue(error: z.ZodError, fallback: string): string {
  const issue = error.issues[0];
  if (!issue) return fallback;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}
