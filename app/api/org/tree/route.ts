// GET /api/org/tree?asOf=&root=ID&depth=1&offset=0 | ?reveal=ID — the org explorer, one node and its reports at a time (any role, scoped; viewers: lib/dal/unit-labels.ts).
import { dashboardRoute } from '@/lib/dal/dashboards/route-helpers';
import { answerOrgTree } from '@/lib/dal/dashboards/org-tree';

export const GET = dashboardRoute(answerOrgTree, { tree: false });
