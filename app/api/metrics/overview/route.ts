// GET /api/metrics/overview?asOf=&department=&subtree= — KPIs, flattening trend, spans, pyramid, findings (any role, scoped).
import { dashboardRoute } from '@/lib/dal/dashboards/route-helpers';
import { buildOverview } from '@/lib/dal/dashboards/overview';

export const GET = dashboardRoute(buildOverview);
