/**
 * What a view shows of its unit's root when it answers from stored rows instead of the tree
 * (issue #13): the root's label under the one label rule (lib/views/unit-labels.ts), from the
 * root facts stored with its unit point (lib/metrics/unit-points.ts RootFacts) and its name.
 */
import type { RootFacts } from '@/lib/metrics/unit-points';
import type { LabelViewer } from './unit-labels';

/**
 * The root's name as `who` may see it: always for people-seeing roles; for a viewer only when the
 * root is a manager whose unit has at least min_group_size people (mayLabelUnit on the tree).
 */
export function storedRootLabel(who: LabelViewer, root: RootFacts, name: string | null): string | null {
  if (who.canSeePeople) return name;
  return root.manager && root.headcount >= who.settings.minGroupSize ? name : null;
}
