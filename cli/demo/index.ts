/** Public surface of the demo-company generator (pure; the fs writer is cli/demo/write.ts). */
export {
  DEMO_DEFAULTS,
  generateDemoCompany,
  resolveDemoOptions,
  type DemoOptions,
  type DemoProgress,
  type DemoSink,
  type DemoSnapshotSummary,
  type DemoSummary,
} from '@/cli/demo/generate';
export { createMemorySink, type MemorySink } from '@/cli/demo/memory-sink';
export { ORG_HEADER } from '@/cli/demo/org-csv';
export { AI_USAGE_HEADER, adoptionCurve } from '@/cli/demo/ai-usage';
