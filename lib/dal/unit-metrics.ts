import 'server-only';

export { computeUnitLadderTable, computeUnitStructure } from '@/lib/views/unit-metrics';
