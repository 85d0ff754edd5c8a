// GET /api/org/people?q=&asOf= — find people by name, id or title inside the caller's scope (viewers: managers of units of at least min_group_size, lib/dal/unit-labels.ts).
import { dashboardRoute } from '@/lib/dal/dashboards/route-helpers';
import { searchPeople } from '@/lib/dal/dashboards/org-lookup';

export const GET = dashboardRoute((ctx, params) => ({
  people: searchPeople(
    ctx,
    params.get('q') ?? '',
    Math.min(100, Math.max(1, Number(params.get('limit') ?? 20) || 20)),
  ),
}));
