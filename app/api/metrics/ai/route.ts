// GET /api/metrics/ai?asOf=&department=&subtree=&month=|from=&to= — AI adoption, acceptance, PRs, spend, per-manager table, seats (any role, scoped; people only for hr/admin).
import { dashboardRoute } from '@/lib/dal/dashboards/route-helpers';
import { buildAiDashboard } from '@/lib/dal/dashboards/ai';

export const GET = dashboardRoute(buildAiDashboard);
