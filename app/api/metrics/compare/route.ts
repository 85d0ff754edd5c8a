// GET /api/metrics/compare?from=&to=&asOf=&department=&subtree= — two snapshots side by side with differences and people lists (any role, scoped; names never for viewers).
import { dashboardRoute } from '@/lib/dal/dashboards/route-helpers';
import { buildCompare } from '@/lib/dal/dashboards/compare';

export const GET = dashboardRoute(buildCompare);
