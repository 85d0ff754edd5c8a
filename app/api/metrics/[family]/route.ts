// GET /api/metrics/<family>?asOf=&department=&subtree=&<the family's own params> — one dashboard family of the registry (lib/query/families.ts, lib/dal/dashboards/registry.ts): overview, structure, ladder, ceiling-risk, trends, compare (?from=&to=), off-target, ai (?month= | ?from=&to=). Any role, scoped; names and people only where the role allows; 404 for an unknown family.
import { familyRoute } from '@/lib/dal/dashboards/route-helpers';

export const GET = familyRoute();
