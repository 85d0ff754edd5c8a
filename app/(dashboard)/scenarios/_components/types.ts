import type { ScenarioDto, ScenarioListItem } from '@/lib/dal/scenarios';
import type { ScenarioView } from '@/lib/dal/scenario-view';

export type { ScenarioDto, ScenarioListItem, ScenarioView };

export const STATUS_LABELS: Record<ScenarioDto['status'], string> = {
  draft: 'Draft',
  proposed: 'Proposed',
  approved: 'Approved',
};
