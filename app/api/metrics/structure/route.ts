// GET /api/metrics/structure?asOf=&department=&subtree= — span stats, bands, histogram, pyramid, narrow spans, department table (any role, scoped).
import { dashboardRoute } from '@/lib/dal/dashboards/route-helpers';
import { buildStructure } from '@/lib/dal/dashboards/structure';

export const GET = dashboardRoute(buildStructure);
