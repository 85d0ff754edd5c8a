// GET /api/metrics/trends?asOf=&department=&subtree= — every structure and ladder metric over the snapshot series, change vs previous and vs peak, delayering timeline (any role, scoped).
import { dashboardRoute } from '@/lib/dal/dashboards/route-helpers';
import { buildTrends } from '@/lib/dal/dashboards/trends';

export const GET = dashboardRoute(buildTrends);
