// GET /api/metrics/ladder?asOf=&department=&subtree= — level distribution per department, ladder table, promotion velocity, IC<->manager moves (any role, scoped).
import { dashboardRoute } from '@/lib/dal/dashboards/route-helpers';
import { buildLadder } from '@/lib/dal/dashboards/ladder';

export const GET = dashboardRoute(buildLadder);
