// GET /api/metrics/ceiling-risk?asOf=&department=&subtree= — risk heatmap, named ICs at risk (not for viewers), leavers at the ceiling (any role, scoped).
import { dashboardRoute } from '@/lib/dal/dashboards/route-helpers';
import { buildCeilingRisk } from '@/lib/dal/dashboards/ceiling-risk';

export const GET = dashboardRoute(buildCeilingRisk);
