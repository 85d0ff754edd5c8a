// GET /api/metrics/off-target?asOf=&department=&subtree= — departments and managers outside the span and layer targets (any role, scoped; names never for viewers).
import { dashboardRoute } from '@/lib/dal/dashboards/route-helpers';
import { buildOffTarget } from '@/lib/dal/dashboards/off-target';

export const GET = dashboardRoute(buildOffTarget);
