// GET /api/org/departments?asOf= — departments inside the caller's scope, with headcount (any role).
import { dashboardRoute } from '@/lib/dal/dashboards/route-helpers';
import { listDepartments } from '@/lib/dal/dashboards/org-lookup';

export const GET = dashboardRoute((ctx) => ({ asOf: ctx.ref.asOf, departments: listDepartments(ctx) }));
